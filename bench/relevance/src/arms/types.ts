import type { EvalMemory, EvalQuery } from "../eval-set/types.js";

/** What one retriever returned for one query: evidence keys of the memories it would inject, best first. */
export interface Answer {
  keys: string[];
}

/**
 * One retriever under comparison. `add` sees every memory stored for the tenant (in order); `ask` answers
 * one query from what was added before it.
 */
export interface Arm {
  name: string;
  add?(userId: string, memories: readonly EvalMemory[]): Promise<void> | void;
  ask(userId: string, query: EvalQuery): Promise<Answer>;
}

/** Per-user memories in the order they were stored, for the in-script baselines. */
export class UserMemories<T> {
  private readonly byUser = new Map<string, T[]>();
  push(userId: string, items: readonly T[]): void {
    const list = this.byUser.get(userId) ?? [];
    list.push(...items);
    this.byUser.set(userId, list);
  }
  get(userId: string): readonly T[] {
    return this.byUser.get(userId) ?? [];
  }
}
