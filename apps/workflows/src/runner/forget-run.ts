/**
 * Removes a run's memory: `memory.forget` of the run scope. mem0 has no paging, so one bounded pass may
 * not be able to prove it deleted everything (`complete: false`); a few more passes settle it.
 */
import type { MemoryClient } from "@automatos/app-runtime";

export type ForgetOutcome =
  | { ok: true; deleted: number | null; complete: boolean; passes: number }
  | { ok: false; error: string };

export async function forgetRunMemory(client: MemoryClient, maxPasses = 3): Promise<ForgetOutcome> {
  let deleted: number | null = 0;
  try {
    for (let pass = 1; pass <= maxPasses; pass++) {
      const r = await client.memory.forget.mutate({ kind: "scope", scope: "run" });
      deleted = deleted === null || r.deleted === null ? null : deleted + r.deleted;
      if (r.complete) return { ok: true, deleted, complete: true, passes: pass };
    }
    return { ok: true, deleted, complete: false, passes: maxPasses };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : "forget failed" };
  }
}
