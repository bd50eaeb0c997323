/**
 * `pnpm mem0:check [--url U] [--key K] [--dialect server|platform] [--n 100] [--timeout-ms 30000]`.
 * Flags win over the environment (MEM0_API_URL, MEM0_API_KEY, MEM0_DIALECT, read in env.ts only).
 * Exit codes: 0 = every round trip succeeded and cleanup worked; 1 = below 100%; 2 = bad usage.
 */
import { Command, InvalidArgumentError } from "commander";
import { createMem0Client } from "../client.js";
import type { Mem0Env } from "../env.js";
import { isMem0Error } from "../errors.js";
import type { Mem0Dialect } from "../types.js";
import { exitCode, formatReport } from "./check-report.js";
import { runCheck } from "./check-run.js";

export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
}

const positiveInt = (name: string) => (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(`${name} must be a positive integer`);
  return n;
};

/** Where we connect, without credentials that a URL's userinfo might hold. */
function safeUrl(url: string): string {
  const u = new URL(url);
  return `${u.origin}${u.pathname === "/" ? "" : u.pathname}`;
}

export async function runCheckCli(argv: readonly string[], env: Mem0Env, io: CliIo): Promise<number> {
  const program = new Command("mem0:check")
    .description("Probe a mem0 endpoint with N real round trips (add, search, delete) on a throwaway user")
    .option("--url <url>", "mem0 base URL (default: MEM0_API_URL)")
    .option("--key <key>", "API key (default: MEM0_API_KEY)")
    .option("--dialect <dialect>", "server | platform (default: MEM0_DIALECT or server)")
    .option("--n <count>", "round trips", positiveInt("--n"), 100)
    .option("--timeout-ms <ms>", "deadline per call", positiveInt("--timeout-ms"), 30_000)
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) });
  try {
    program.parse([...argv], { from: "user" });
  } catch (err) {
    const code = (err as { exitCode?: number }).exitCode;
    return code === 0 ? 0 : 2;
  }
  const o = program.opts<{ url?: string; key?: string; dialect?: string; n: number; timeoutMs: number }>();
  const url = o.url ?? env.url;
  const dialect = (o.dialect ?? env.dialect ?? "server") as Mem0Dialect;
  if (!url) {
    io.err("mem0:check: no mem0 URL; pass --url or set MEM0_API_URL");
    return 2;
  }
  if (dialect !== "server" && dialect !== "platform") {
    io.err('mem0:check: --dialect must be "server" or "platform"');
    return 2;
  }
  let client: ReturnType<typeof createMem0Client>;
  try {
    // Raw connectivity: no retry hides a failure and no breaker turns one outage into a run of fast failures.
    client = createMem0Client({
      baseUrl: url,
      apiKey: o.key ?? env.apiKey,
      dialect,
      retry: { maxAttempts: 1 },
      breaker: { consecutiveFailures: Number.MAX_SAFE_INTEGER },
    });
  } catch (err) {
    io.err(`mem0:check: ${isMem0Error(err) ? err.message : String(err)}`);
    return 2;
  }
  io.out(`mem0:check ${safeUrl(url)} (${dialect}): ${o.n} round trips (add infer:false, search, delete)`);
  try {
    const report = await runCheck({ client, rounds: o.n, timeoutMs: o.timeoutMs });
    io.out(formatReport(report));
    return exitCode(report);
  } finally {
    await client.close();
  }
}
