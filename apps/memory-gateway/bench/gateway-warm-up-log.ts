/**
 * What the gateway's start-up warm-up did (src/warm-up/warm-up-gateway.ts), read from the log a benchmark's
 * gateway process writes (bench-setup.ts: `<dataDir>/gateway.log`; start-gateway.ts flushes it once listening):
 * a load's figures say how the stack they measured was started.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";

export type GatewayWarmUp =
  | { ran: true; turns: number; degraded: number; ms: number; delivered: boolean; forgotten: boolean }
  | { ran: false; reason: string };

export function readGatewayWarmUp(dataDir: string): GatewayWarmUp {
  let text: string;
  try {
    text = readFileSync(join(dataDir, "gateway.log"), "utf8");
  } catch {
    return { ran: false, reason: "no gateway log" };
  }
  for (const line of text.split("\n")) {
    if (!line.includes('"warm-up')) continue;
    const entry = JSON.parse(line) as Record<string, unknown>;
    if (entry.msg === "warm-up done")
      return {
        ran: true,
        turns: Number(entry.turns),
        degraded: Number(entry.degraded),
        ms: Number(entry.ms),
        delivered: entry.delivered === true,
        forgotten: entry.forgotten === true,
      };
    if (entry.msg === "warm-up skipped" || entry.msg === "warm-up failed")
      return { ran: false, reason: String(entry.reason ?? entry.err) };
  }
  return { ran: false, reason: "no warm-up line in the gateway log" };
}
