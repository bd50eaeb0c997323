/**
 * One shape for every retrieval set the P10 harness runs (the in-house set, RealMemBench): per tenant, an
 * ordered list of steps, each either "store these memories" or "ask these queries". A query only sees what the
 * steps before it stored, so a set whose queries come mid-history (RealMemBench) and a set asked at the end
 * (the in-house set) run through the same loop.
 */

export type Split = "dev" | "test";

/** One memory to store; `key` is what evidence refers to (several memories may share a key). */
export interface EvalMemory {
  key: string;
  text: string;
  /** Who said it, when the memory is a chat message (default "user"). */
  role?: "user" | "assistant";
}

export interface EvalQuery {
  id: string;
  text: string;
  /** Keys of the memories that answer it (at least one). */
  evidence: string[];
  category: string;
}

export type EvalStep = { kind: "add"; memories: EvalMemory[] } | { kind: "ask"; queries: EvalQuery[] };

export interface EvalTenant {
  /** One user = one tenant: memory.recall only sees this user's memories. */
  userId: string;
  steps: EvalStep[];
}

export interface EvalSet {
  /** e.g. "realmembench" or "inhouse". */
  name: string;
  split: Split;
  /** Persona names in this split, in split order. */
  personas: string[];
  tenants: EvalTenant[];
  /** What the adapter had to change or leave out, counted (truncations, unmatched evidence, ...). */
  notes: Record<string, number>;
}

export const countMemories = (set: EvalSet): number =>
  set.tenants.reduce(
    (n, t) => n + t.steps.reduce((m, s) => m + (s.kind === "add" ? s.memories.length : 0), 0),
    0,
  );

export const countQueries = (set: EvalSet): number =>
  set.tenants.reduce(
    (n, t) => n + t.steps.reduce((m, s) => m + (s.kind === "ask" ? s.queries.length : 0), 0),
    0,
  );
