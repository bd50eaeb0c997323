/**
 * The connectivity check's core: N real round trips (add with infer:false, search, delete) on a throwaway
 * user, then a cleanup of that user. Sequential on purpose: it measures what one caller sees, not capacity.
 */
import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import { isMem0Error } from "../errors.js";
import type { Mem0Client } from "../types.js";

export type CheckCall = "add" | "search" | "delete";
export const CHECK_CALLS: readonly CheckCall[] = ["add", "search", "delete"];

export interface CallStats {
  ok: number;
  failed: number;
  /** Latencies of successful calls, in ms. */
  latencies: number[];
}

export interface CheckReport {
  userId: string;
  rounds: number;
  okRounds: number;
  calls: Record<CheckCall, CallStats>;
  /** Failure counts by Mem0Error kind (and HTTP status when there was one). */
  errors: Record<string, number>;
  cleanup: { ok: boolean; error?: string };
}

export interface CheckOptions {
  client: Mem0Client;
  rounds: number;
  timeoutMs: number;
  onRound?: (done: number) => void;
}

export async function runCheck({ client, rounds, timeoutMs, onRound }: CheckOptions): Promise<CheckReport> {
  const userId = `mem0-check-${randomUUID()}`;
  const stats = (): CallStats => ({ ok: 0, failed: 0, latencies: [] });
  const calls: Record<CheckCall, CallStats> = { add: stats(), search: stats(), delete: stats() };
  const errors: Record<string, number> = {};
  const count = (key: string) => {
    errors[key] = (errors[key] ?? 0) + 1;
  };
  const timed = async <T>(call: CheckCall, fn: () => Promise<T>): Promise<T | undefined> => {
    const t0 = performance.now();
    try {
      const value = await fn();
      calls[call].latencies.push(performance.now() - t0);
      calls[call].ok++;
      return value;
    } catch (err) {
      calls[call].failed++;
      count(
        isMem0Error(err)
          ? `${call}: ${err.kind}${err.status ? ` ${err.status}` : ""}`
          : `${call}: ${String(err)}`,
      );
      return undefined;
    }
  };

  let okRounds = 0;
  let cleanup: CheckReport["cleanup"] = { ok: false, error: "not attempted" };
  try {
    for (let i = 0; i < rounds; i++) {
      if (await round(i)) okRounds++;
      onRound?.(i + 1);
    }
  } finally {
    // Always runs, even if a round threw: the throwaway user must not be left behind.
    cleanup = await deleteUser();
  }
  return { userId, rounds, okRounds, calls, errors, cleanup };

  async function round(i: number): Promise<boolean> {
    const text = `mem0 connectivity probe ${i} ${randomUUID()}`;
    const added = await timed("add", () =>
      client.add({ messages: [{ role: "user", content: text }], userId, infer: false }, { timeoutMs }),
    );
    const found = await timed("search", () =>
      client.search({ query: text, filters: { user_id: userId }, topK: 1 }, { timeoutMs }),
    );
    if (!added || !found) return false;
    // A platform add may still be pending: no id to delete yet, the final deleteAll removes it.
    if (added.status === "pending") return true;
    const id = added.results[0]?.id;
    if (!id) {
      count("add: answered without a stored memory");
      return false;
    }
    return (await timed("delete", () => client.delete(id, { timeoutMs }).then(() => true))) === true;
  }

  async function deleteUser(): Promise<CheckReport["cleanup"]> {
    try {
      await client.deleteAll({ userId }, { timeoutMs });
      return { ok: true };
    } catch (err) {
      return { ok: false, error: isMem0Error(err) ? `${err.kind}: ${err.message}` : String(err) };
    }
  }
}
