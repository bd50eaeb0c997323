#!/usr/bin/env tsx
/** Entry point of `pnpm mem0:check`; see check-cli.ts for the flags. */
import { type Mem0Env, readMem0Env } from "../env.js";
import { runCheckCli } from "./check-cli.js";

let env: Mem0Env;
try {
  env = readMem0Env();
} catch (err) {
  console.error(`mem0:check: ${(err as Error).message}`);
  process.exit(2);
}
process.exitCode = await runCheckCli(process.argv.slice(2), env, {
  out: (line) => console.log(line),
  err: (line) => console.error(line),
});
