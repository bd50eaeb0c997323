/**
 * R1 and R2 on the real embedded mem0, counted exactly (bench/exactly-once/): writes `R1` and `R2` to
 * tooling/bench/results/latest.json with lost and duplicated in the details. Bar: lost 0, duplicated 0.
 * The value is the number of memories that are wrong (lost + duplicated).
 */
import { cpus, loadavg } from "node:os";
import { writeResult } from "@automatos/bench";
import { runR1 } from "./exactly-once/r1-mem0-paused.js";
import { runR2 } from "./exactly-once/r2-relay-sigkill.js";

const log = (line: string) => console.log(line);
const load = () => Number((loadavg()[0] ?? 0).toFixed(1));
const BAR = "lost 0, duplicated 0";
const MEM0 =
  "real embedded engine (@automatos/mem0-embedded serve, child process), counted over GET /memories";

interface Counted {
  lost: number;
  duplicated: number;
  unexpected: number;
}

function record(id: "R1" | "R2", counted: Counted, scenario: string, loadBefore: number): void {
  writeResult(id, {
    value: counted.lost + counted.duplicated,
    unit: "memories lost or duplicated",
    bar: BAR,
    pass: counted.lost === 0 && counted.duplicated === 0 && counted.unexpected === 0,
    details: {
      ...counted,
      scenario,
      mem0: MEM0,
      loadAverage1m: { before: loadBefore, after: load() },
      cpus: cpus().length,
    },
  });
  log(`${id}: ${JSON.stringify(counted)}`);
}

// `bench:exactly-once R2` runs one scenario only (either id); no argument runs both.
const only = process.argv[2];

if (only !== "R2") {
  const r1Load = load();
  const r1 = await runR1({
    upMs: 5_000,
    pauseMs: 10_000,
    arrivalMs: 50,
    users: 10,
    drainTimeoutMs: 300_000,
    deliveryTimeoutMs: 4_000,
    log,
  });
  record(
    "R1",
    r1,
    "remembers every 50 ms for 5 s, mem0 paused (SIGSTOP) 10 s, 5 s more after it resumes; relay in the " +
      "bench process (lanes 1 x 4, delivery timeout 4 s), outbox on PGlite",
    r1Load,
  );
}

if (only !== "R1") {
  const r2Load = load();
  const r2 = await runR2({ jobs: 400, killAfter: 120, users: 10, log });
  record(
    "R2",
    r2,
    "400 queued remembers; the relay process (lanes 1 x 8, lease 10 s) SIGKILLed once mem0 holds 120, " +
      "then restarted until drained; outbox on PGlite",
    r2Load,
  );
}
