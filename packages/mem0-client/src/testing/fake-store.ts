/**
 * The in-memory state behind the loopback fakes of both dialects. It follows the engine's documented
 * semantics (mem0-contract §1.6, §3.7): scope is the exact id tuple, identity keys in metadata are dropped,
 * metadata is shallow-merged on update, history rows survive delete, expired memories are hidden from
 * search and lists but not from get. It has no LLM: every non-system message is stored verbatim (what
 * `infer: false` does), and search scores by word overlap instead of embeddings.
 */
import { createHash, randomUUID } from "node:crypto";

export type IdKey = "user_id" | "agent_id" | "run_id";
export const ID_KEYS: readonly IdKey[] = ["user_id", "agent_id", "run_id"];
const RESERVED = new Set<string>([...ID_KEYS, "actor_id"]);

export interface FakeRecord {
  id: string;
  memory: string;
  hash: string;
  metadata: Record<string, unknown>;
  user_id?: string;
  agent_id?: string;
  run_id?: string;
  role?: string;
  expiration_date?: string;
  created_at: string;
  updated_at: string;
}

export interface FakeHistoryRow {
  id: string;
  memory_id: string;
  old_memory: string | null;
  new_memory: string | null;
  event: "ADD" | "UPDATE" | "DELETE";
  created_at: string;
  updated_at: string | null;
  is_deleted: boolean;
  actor_id: null;
  role: string | null;
}

/** Python's isoformat() with microseconds and an explicit UTC offset, as the server sends. */
export const isoNow = () => new Date().toISOString().replace("Z", "000+00:00");
const md5 = (s: string) => createHash("md5").update(s).digest("hex");
const words = (s: string) => new Set(s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);

export type Scope = Partial<Record<IdKey, string>>;

export interface FakeStoreOptions {
  /** Keep added memories (default true). Off, adds are answered with fresh ids and nothing is stored. */
  keep?: boolean;
}

export class FakeStore {
  readonly memories = new Map<string, FakeRecord>();
  readonly history = new Map<string, FakeHistoryRow[]>();
  private readonly keep: boolean;

  constructor(opts: FakeStoreOptions = {}) {
    this.keep = opts.keep ?? true;
  }

  add(
    messages: { role: string; content: string }[],
    scope: Scope,
    metadata: Record<string, unknown> | null,
    expiration?: string | null,
  ) {
    const clean = Object.fromEntries(Object.entries(metadata ?? {}).filter(([k]) => !RESERVED.has(k)));
    const out: FakeRecord[] = [];
    for (const m of messages) {
      if (m.role === "system") continue;
      const now = isoNow();
      const rec: FakeRecord = {
        id: randomUUID(),
        memory: m.content,
        hash: md5(m.content),
        metadata: clean,
        role: m.role,
        created_at: now,
        updated_at: now,
        ...scope,
      };
      if (expiration) rec.expiration_date = expiration;
      if (this.keep) {
        this.memories.set(rec.id, rec);
        this.pushHistory(rec, null, rec.memory, "ADD", null);
      }
      out.push(rec);
    }
    return out;
  }

  matches(rec: FakeRecord, filters: Record<string, unknown>, showExpired = false): boolean {
    if (!showExpired && rec.expiration_date && rec.expiration_date < isoNow().slice(0, 10)) return false;
    for (const [k, v] of Object.entries(filters)) {
      if (v === "*") continue;
      const actual = (ID_KEYS as readonly string[]).includes(k) ? rec[k as IdKey] : rec.metadata[k];
      if (actual !== v) return false;
    }
    return true;
  }

  list(filters: Record<string, unknown>, topK: number, showExpired = false): FakeRecord[] {
    const out: FakeRecord[] = [];
    for (const rec of this.memories.values()) {
      if (out.length >= topK) break;
      if (this.matches(rec, filters, showExpired)) out.push(rec);
    }
    return out;
  }

  search(query: string, filters: Record<string, unknown>, topK: number, threshold: number) {
    const q = words(query);
    const hits: { rec: FakeRecord; score: number }[] = [];
    for (const rec of this.memories.values()) {
      if (!this.matches(rec, filters)) continue;
      const m = words(rec.memory);
      let shared = 0;
      for (const w of q) if (m.has(w)) shared++;
      const score = q.size === 0 ? 0 : shared / Math.max(q.size, m.size);
      if (score > 0 && score >= threshold) hits.push({ rec, score });
    }
    return hits.sort((a, b) => b.score - a.score).slice(0, topK);
  }

  update(
    id: string,
    patch: { text?: string; metadata?: Record<string, unknown> | null; expiration_date?: string | null },
  ) {
    const rec = this.memories.get(id);
    if (!rec) return undefined;
    const old = rec.memory;
    if (patch.text !== undefined) {
      rec.memory = patch.text;
      rec.hash = md5(patch.text);
    }
    for (const [k, v] of Object.entries(patch.metadata ?? {})) if (!RESERVED.has(k)) rec.metadata[k] = v;
    if (patch.expiration_date === null) delete rec.expiration_date;
    else if (patch.expiration_date !== undefined) rec.expiration_date = patch.expiration_date;
    rec.updated_at = isoNow();
    this.pushHistory(rec, old, rec.memory, "UPDATE", rec.updated_at);
    return rec;
  }

  delete(id: string): boolean {
    const rec = this.memories.get(id);
    if (!rec) return false;
    this.memories.delete(id);
    this.pushHistory(rec, rec.memory, null, "DELETE", isoNow());
    return true;
  }

  deleteWhere(filters: Record<string, unknown>): number {
    let n = 0;
    for (const rec of [...this.memories.values()])
      if (this.matches(rec, filters, true) && this.delete(rec.id)) n++;
    return n;
  }

  entities() {
    const byKey = new Map<
      string,
      { id: string; type: string; total_memories: number; created_at: string; updated_at: string }
    >();
    for (const rec of this.memories.values()) {
      for (const key of ID_KEYS) {
        const id = rec[key];
        if (!id) continue;
        const type = key.replace("_id", "");
        const e = byKey.get(`${type}:${id}`) ?? {
          id,
          type,
          total_memories: 0,
          created_at: rec.created_at,
          updated_at: rec.updated_at,
        };
        e.total_memories++;
        byKey.set(`${type}:${id}`, e);
      }
    }
    return [...byKey.values()];
  }

  reset(): void {
    this.memories.clear();
    this.history.clear();
  }

  private pushHistory(
    rec: FakeRecord,
    oldM: string | null,
    newM: string | null,
    event: FakeHistoryRow["event"],
    at: string | null,
  ) {
    const rows = this.history.get(rec.id) ?? [];
    rows.push({
      id: randomUUID(),
      memory_id: rec.id,
      old_memory: oldM,
      new_memory: newM,
      event,
      created_at: rec.created_at,
      updated_at: at,
      is_deleted: event === "DELETE",
      actor_id: null,
      role: event === "ADD" ? (rec.role ?? null) : null,
    });
    this.history.set(rec.id, rows);
  }
}
