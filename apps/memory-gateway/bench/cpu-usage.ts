import type { ChildProcess } from "node:child_process";

/** A child's own `process.cpuUsage()` (gateway-process.ts answers the message "cpu-usage"). */
export function childCpuUsage(child: ChildProcess, timeoutMs = 5_000): Promise<NodeJS.CpuUsage> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.off("message", onMessage);
      reject(new Error("the child did not report its CPU usage in time"));
    }, timeoutMs);
    const onMessage = (m: unknown) => {
      const usage = (m as { cpuUsage?: NodeJS.CpuUsage } | null)?.cpuUsage;
      if (!usage) return;
      clearTimeout(timer);
      child.off("message", onMessage);
      resolve(usage);
    };
    child.on("message", onMessage);
    child.send("cpu-usage");
  });
}

/** User + system microseconds between two readings. */
export const cpuMicros = (from: NodeJS.CpuUsage, to: NodeJS.CpuUsage): number =>
  to.user - from.user + (to.system - from.system);
