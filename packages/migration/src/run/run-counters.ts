/** Per-workspace counters of one run (what this run did; the ledger holds the cumulative truth). */

export const NO_WORKSPACE = "(none)";

export interface WorkspaceCounts {
  /** Legacy rows read and attributed to this workspace. */
  read: number;
  /** Sent to mem0 and confirmed in this run. */
  migrated: number;
  /** Found already in mem0 by legacy_id (a previous run died after the add): marked done, not re-sent. */
  recovered: number;
  /** Decided by an earlier run (done, skipped or quarantined): left alone. */
  alreadyDecided: number;
  skipped: Record<string, number>;
  quarantined: Record<string, number>;
  failed: number;
}

const empty = (): WorkspaceCounts => ({
  read: 0,
  migrated: 0,
  recovered: 0,
  alreadyDecided: 0,
  skipped: {},
  quarantined: {},
  failed: 0,
});

export class RunCounters {
  readonly byWorkspace = new Map<string, WorkspaceCounts>();

  of(workspaceId: string | null): WorkspaceCounts {
    const key = workspaceId ?? NO_WORKSPACE;
    let c = this.byWorkspace.get(key);
    if (!c) {
      c = empty();
      this.byWorkspace.set(key, c);
    }
    return c;
  }

  skip(workspaceId: string | null, reason: string): void {
    const c = this.of(workspaceId);
    c.skipped[reason] = (c.skipped[reason] ?? 0) + 1;
  }

  quarantine(workspaceId: string | null, reason: string): void {
    const c = this.of(workspaceId);
    c.quarantined[reason] = (c.quarantined[reason] ?? 0) + 1;
  }

  totals(): WorkspaceCounts {
    const t = empty();
    for (const c of this.byWorkspace.values()) {
      t.read += c.read;
      t.migrated += c.migrated;
      t.recovered += c.recovered;
      t.alreadyDecided += c.alreadyDecided;
      t.failed += c.failed;
      for (const [k, v] of Object.entries(c.skipped)) t.skipped[k] = (t.skipped[k] ?? 0) + v;
      for (const [k, v] of Object.entries(c.quarantined)) t.quarantined[k] = (t.quarantined[k] ?? 0) + v;
    }
    return t;
  }
}

export const sumValues = (r: Record<string, number>): number => Object.values(r).reduce((s, v) => s + v, 0);
