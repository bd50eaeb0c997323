/**
 * `pnpm --filter @automatos/main-job run --silent start`: runs the scenario and prints the transcript.
 * Exit code 0 when every check passed, 1 when one failed, 2 for a bad flag.
 *   --data-dir <dir>  where the embedded mem0 and PGlite live (emptied first; default: a fresh temp dir)
 *   --keep            keep the data directory afterwards (to inspect it)
 */
import { parseArgs } from "node:util";
import { runCli } from "@automatos/app-runtime";
import { runMainJob } from "./run-main-job.js";

runCli("main-job", async () => {
  let values: { "data-dir"?: string; keep?: boolean };
  try {
    ({ values } = parseArgs({
      options: { "data-dir": { type: "string" }, keep: { type: "boolean", default: false } },
      strict: true,
    }));
  } catch (e) {
    process.stderr.write(`main-job: ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
  const dataDir = values["data-dir"];
  const result = await runMainJob((line) => process.stdout.write(`${line}\n`), {
    keep: values.keep ?? false,
    ...(dataDir ? { dataDir } : {}),
  });
  return result.ok ? 0 : 1;
});
