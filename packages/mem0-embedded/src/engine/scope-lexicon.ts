/**
 * The lexical half of a cached scope (scope-vectors.ts): each row's lexemes as PostgreSQL generated them (the
 * `lex` column, parsed), which rows hold each lexeme, and the scope's BM25 statistics. A search then scores
 * BM25 in JS over the rows holding a query lexeme, where the SQL path runs a GIN match that ships every
 * matching row's tsvector (measured at 10k memories in the tenant among 100k: 1,400 rows and 8.5 / 25.8 ms
 * p50 / p95 for a query with one common word; README "Words in JS").
 *
 * The engine's writes read their row's lexemes back (PostgreSQL computes the generated column; `RETURNING`
 * in binary-vector-writes.ts) and `put` them. A write that does not (a store without them) marks the row
 * pending instead, and its lexemes are read by id before the next search of the scope scores (`pending`,
 * `settle`). A row written again while that read runs stays pending: it is read again next time.
 */
import { type Bm25Stats, bm25Scores, type LexicalDoc } from "./bm25.js";

export class ScopeLexicon {
  private readonly docs = new Map<string, LexicalDoc>();
  private readonly holders = new Map<string, Set<string>>();
  private totalLength = 0;
  /** Rows written since their lexemes were read: id -> the write's sequence number. */
  private readonly written = new Map<string, number>();
  private writes = 0;

  /** Rows whose lexemes are known. */
  get size(): number {
    return this.docs.size;
  }

  /** Adds a row read from the table, or replaces the one stored under its id. */
  put(doc: LexicalDoc): void {
    this.drop(doc.id);
    this.docs.set(doc.id, doc);
    this.totalLength += doc.length;
    for (const lexeme of doc.terms.keys()) {
      const rows = this.holders.get(lexeme);
      if (rows) rows.add(doc.id);
      else this.holders.set(lexeme, new Set([doc.id]));
    }
  }

  /** The row was inserted or updated: its lexemes are unknown until the next `settle`. */
  noteWritten(id: string): void {
    this.drop(id);
    this.written.set(id, ++this.writes);
  }

  remove(id: string): void {
    this.drop(id);
    this.written.delete(id);
  }

  /** The rows to read before scoring, with the write each read answers for; empty when none. */
  pending(): Map<string, number> {
    return new Map(this.written);
  }

  /**
   * Applies the rows read for `asked` (from `pending()`): each one not written again since is settled, with
   * its lexemes when the table still holds it, and left out otherwise (deleted behind the cache's back).
   */
  settle(asked: ReadonlyMap<string, number>, read: readonly LexicalDoc[]): void {
    const found = new Map(read.map((d) => [d.id, d]));
    for (const [id, write] of asked) {
      if (this.written.get(id) !== write) continue;
      this.written.delete(id);
      const doc = found.get(id);
      if (doc) this.put(doc);
    }
  }

  /** BM25 (bm25.ts) of the rows holding any of `lexemes`, with this scope's statistics. */
  scores(lexemes: readonly string[]): Map<string, number> {
    const candidates = new Set<string>();
    for (const lexeme of new Set(lexemes))
      for (const id of this.holders.get(lexeme) ?? []) candidates.add(id);
    const docs = [...candidates].map((id) => this.docs.get(id) as LexicalDoc);
    return bm25Scores(lexemes, docs, this.stats());
  }

  stats(): Bm25Stats {
    return {
      documents: this.docs.size,
      averageLength: this.docs.size > 0 ? this.totalLength / this.docs.size : 0,
    };
  }

  private drop(id: string): void {
    const doc = this.docs.get(id);
    if (!doc) return;
    this.docs.delete(id);
    this.totalLength -= doc.length;
    for (const lexeme of doc.terms.keys()) {
      const rows = this.holders.get(lexeme);
      rows?.delete(id);
      if (rows?.size === 0) this.holders.delete(lexeme);
    }
  }
}
