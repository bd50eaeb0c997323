/**
 * What the fake server received as adds: each accepted add (its body and the memory ids it answered, kept
 * only when recording), the adds it rejected, and tallies of chosen metadata keys (distinct values and
 * repeats), so a benchmark of a million adds can prove each row arrived exactly once without keeping them.
 */
export interface AddBody {
  messages: { role: string; content: string }[];
  user_id?: string | null;
  agent_id?: string | null;
  run_id?: string | null;
  metadata?: Record<string, unknown> | null;
  infer?: boolean | null;
  expiration_date?: string | null;
}

export interface ReceivedAdd {
  body: AddBody;
  memoryIds: string[];
  receivedAt: number;
}

export interface AddStats {
  /** Adds accepted (answered 200). */
  adds: number;
  /** Memories those adds created (one per non-system message). */
  memories: number;
  /** Adds refused as invalid (4xx from the fake itself, not from injected faults). */
  rejected: number;
  /** Per tallied metadata key: how many distinct values were seen, and how many adds repeated one. */
  distinct: Record<string, number>;
  repeated: Record<string, number>;
}

export interface AddLogOptions {
  /** Keep each add's body and ids (default true). Counters and tallies are kept either way. */
  record?: boolean;
  /** Metadata keys whose values are tallied (e.g. `["legacy_id"]`). */
  tally?: string[];
}

export class AddLog {
  private readonly received: ReceivedAdd[] = [];
  private readonly seen = new Map<string, Set<unknown>>();
  private readonly counts = { adds: 0, memories: 0, rejected: 0 };
  private readonly repeated: Record<string, number> = {};
  private readonly record: boolean;

  constructor(opts: AddLogOptions = {}) {
    this.record = opts.record ?? true;
    for (const key of opts.tally ?? []) {
      this.seen.set(key, new Set());
      this.repeated[key] = 0;
    }
  }

  accepted(body: AddBody, memoryIds: string[]): void {
    this.counts.adds++;
    this.counts.memories += memoryIds.length;
    for (const [key, values] of this.seen) {
      const v = body.metadata?.[key];
      if (v === undefined || v === null) continue;
      if (values.has(v)) this.repeated[key] = (this.repeated[key] ?? 0) + 1;
      else values.add(v);
    }
    if (this.record) this.received.push({ body, memoryIds, receivedAt: Date.now() });
  }

  rejected(): void {
    this.counts.rejected++;
  }

  /** The accepted adds, in order (empty when not recording). */
  adds(): readonly ReceivedAdd[] {
    return this.received;
  }

  stats(): AddStats {
    const distinct = Object.fromEntries([...this.seen].map(([k, v]) => [k, v.size]));
    return { ...this.counts, distinct, repeated: { ...this.repeated } };
  }

  clear(): void {
    this.received.length = 0;
    this.counts.adds = this.counts.memories = this.counts.rejected = 0;
    for (const [key, values] of this.seen) {
      values.clear();
      this.repeated[key] = 0;
    }
  }
}
