/**
 * CPU time (ms, user + system) of the three processes a capacity run involves: the gateway, the embedded
 * engine (its child, with any process the engine starts in turn; worker threads are already in its own
 * figure) and this load driver. Differences of two snapshots, divided by the turns or calls made in between,
 * give CPU per turn: unlike latency on a shared 2-core machine, it does not depend on what else is running,
 * so a deployment can be sized from it.
 */
import { readdirSync, readFileSync } from "node:fs";
import { processCpuMs } from "./proc-cpu.js";

export interface CpuSnapshot {
  gateway: number;
  engine: number;
  driver: number;
}

export function cpuSnapshot(gatewayPid: number, enginePid: number): CpuSnapshot {
  const driver = process.cpuUsage();
  return {
    gateway: processCpuMs(gatewayPid),
    engine: [enginePid, ...descendants(enginePid)].reduce((s, pid) => s + processCpuMs(pid), 0),
    driver: (driver.user + driver.system) / 1000,
  };
}

/** CPU ms per second between two snapshots: the stack's idle cost (relay polls, health probes, the sampler). */
export function cpuRate(before: CpuSnapshot, after: CpuSnapshot, seconds: number): CpuSnapshot {
  const rate = (k: keyof CpuSnapshot) => (after[k] - before[k]) / seconds;
  return { gateway: rate("gateway"), engine: rate("engine"), driver: rate("driver") };
}

/**
 * CPU ms per unit (turn, call) between two snapshots, rounded to 0.01 ms. With `idle`, the idle cost over
 * `seconds` is taken out first: what each unit adds, which is what sizing needs at loads other than this one.
 */
export function cpuPer(
  before: CpuSnapshot,
  after: CpuSnapshot,
  units: number,
  idle?: { perSecond: CpuSnapshot; seconds: number },
) {
  const per = (k: keyof CpuSnapshot) =>
    units > 0
      ? Math.round(((after[k] - before[k] - (idle ? idle.perSecond[k] * idle.seconds : 0)) / units) * 100) /
        100
      : Number.NaN;
  const gateway = per("gateway");
  const engine = per("engine");
  return {
    gateway,
    engine,
    gatewayPlusEngine: Math.round((gateway + engine) * 100) / 100,
    driver: per("driver"),
  };
}

/** Every process below `pid`, from /proc/<pid>/stat's parent field (Linux; none elsewhere). */
function descendants(pid: number): number[] {
  const parentOf = new Map<number, number>();
  let entries: string[] = [];
  try {
    entries = readdirSync("/proc").filter((e) => /^\d+$/.test(e));
  } catch {
    return [];
  }
  for (const e of entries) {
    try {
      const stat = readFileSync(`/proc/${e}/stat`, "utf8");
      parentOf.set(Number(e), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {
      // the process ended between the listing and the read
    }
  }
  const out: number[] = [];
  const queue = [pid];
  while (queue.length > 0) {
    const p = queue.shift() as number;
    for (const [child, parent] of parentOf) {
      if (parent === p) {
        out.push(child);
        queue.push(child);
      }
    }
  }
  return out;
}
