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

/** Variables of the launcher's own environment that would point the child gateway somewhere else. */
const NOT_INHERITED = /^(GATEWAY_|MEM0_|DATABASE_URL$|LEGACY_DATABASE_URL$|MEMORY_GATEWAY_URL$)/;

/**
 * The child gateway's environment: this process's (PATH, HOME, NODE_OPTIONS...), minus any gateway, mem0 or
 * database setting it happens to carry, plus exactly the launcher's `vars` (GATEWAY_CONSOLE_DIR among them:
 * the gateway serves the page from that folder).
 */
export function gatewayChildEnv(
  vars: Record<string, string>,
  source: Record<string, string | undefined> = process.env,
): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(source))
    if (value !== undefined && !NOT_INHERITED.test(key)) env[key] = value;
  return { ...env, ...vars };
}
