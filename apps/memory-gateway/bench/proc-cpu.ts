import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";

let ticksPerSecond: number | undefined;

/**
 * CPU time (user + system, ms) a process has used so far, from /proc/<pid>/stat (Linux). Benchmarks report
 * CPU per call summed over every process involved: unlike throughput on a shared 2-core machine, that figure
 * does not depend on what else the machine is running. NaN where /proc is not available.
 */
export function processCpuMs(pid: number): number {
  try {
    ticksPerSecond ??= Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name (which may contain spaces) start at ") "; utime and stime are 14 and 15.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return ((Number(fields[11]) + Number(fields[12])) / ticksPerSecond) * 1000;
  } catch {
    return Number.NaN;
  }
}

/** CPU ms used by each of `pids` while `fn` runs. */
export async function cpuDuring<T>(
  pids: number[],
  fn: () => Promise<T>,
): Promise<{ result: T; cpuMs: number[] }> {
  const before = pids.map(processCpuMs);
  const result = await fn();
  return { result, cpuMs: pids.map((pid, i) => processCpuMs(pid) - (before[i] as number)) };
}
