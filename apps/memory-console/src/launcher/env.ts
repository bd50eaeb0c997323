/**
 * The launcher's variables (the only file of this app that touches process.env, lint rule noProcessEnv).
 * CONSOLE_PORT: where `pnpm console` serves the gateway and the page (default 4400; 0 = any free port).
 */
import { z } from "zod";

const schema = z.object({
  CONSOLE_PORT: z.coerce
    .number({ message: "CONSOLE_PORT: must be an integer in 0..65535" })
    .int("CONSOLE_PORT: must be an integer in 0..65535")
    .min(0, "CONSOLE_PORT: must be an integer in 0..65535")
    .max(65_535, "CONSOLE_PORT: must be an integer in 0..65535")
    .default(4400),
});

export function readConsoleEnv(source: Record<string, string | undefined> = process.env): { port: number } {
  const parsed = schema.safeParse({ CONSOLE_PORT: source.CONSOLE_PORT || undefined });
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => i.message).join("\n"));
  return { port: parsed.data.CONSOLE_PORT };
}

/** The gateway serves the page from GATEWAY_CONSOLE_DIR (read per request by its console route). */
export function exposePageToGateway(pageDir: string): void {
  process.env.GATEWAY_CONSOLE_DIR = pageDir;
}
