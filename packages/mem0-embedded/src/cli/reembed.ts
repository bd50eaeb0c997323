/**
 * `pnpm mem0:reembed --data-dir <dir>`: re-embeds every memory (and entity) of an embedded mem0 data
 * directory in place with the default offline embedder (all-MiniLM-L6-v2). Resumable: kill it and run it
 * again. The directory must not be in use (the server holds its LOCK).
 */
import { Presets, SingleBar } from "cli-progress";
import { Command, InvalidArgumentError } from "commander";
import { createDefaultEmbedder } from "../embedder/default-embedder.js";
import { DEFAULT_DATA_DIR, resolveFromInvocationDir } from "../env.js";
import { reembedDataDir } from "./reembed-data-dir.js";

function positiveInt(raw: string): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 1024)
    throw new InvalidArgumentError("must be an integer in 1..1024");
  return n;
}

const program = new Command("mem0:reembed")
  .description("Re-embed an embedded mem0 data directory in place with the default offline embedder")
  .option("--data-dir <dir>", "the data directory (relative: from where pnpm ran)", DEFAULT_DATA_DIR)
  .option("--batch-size <n>", "rows embedded and committed together", positiveInt, 64)
  .parse();
const opts = program.opts<{ dataDir: string; batchSize: number }>();
const dataDir = resolveFromInvocationDir(opts.dataDir);

const bar = new SingleBar(
  { format: "{table} [{bar}] {value}/{total} rows | {percentage}% | eta {eta_formatted}", hideCursor: true },
  Presets.shades_classic,
);
let barTable = "";
try {
  const embedder = await createDefaultEmbedder();
  const report = await reembedDataDir({
    dataDir,
    embedder,
    batchSize: opts.batchSize,
    onProgress: ({ table, done, total }) => {
      if (table !== barTable) {
        if (barTable) bar.stop();
        barTable = table;
        bar.start(total, done, { table });
      } else bar.update(done);
    },
  });
  if (barTable) bar.stop();
  if (report.alreadyDone) console.log(`${dataDir} already uses ${report.to.name}; nothing to do`);
  else
    console.log(
      `re-embedded ${dataDir}: ${report.from?.name ?? "unknown"} -> ${report.to.name} (${report.to.dimensions} dims); ` +
        `rows ${Object.entries(report.rows)
          .map(([t, n]) => `${t} ${n}`)
          .join(", ")}; ${report.embeddedNow} embedded by this run`,
    );
} catch (err) {
  if (barTable) bar.stop();
  console.error(`mem0:reembed failed: ${(err as Error).message}`);
  process.exitCode = 1;
}
