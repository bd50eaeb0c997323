/**
 * Okapi BM25 over PostgreSQL tsvectors: the lexical half of hybrid search.
 *
 * PostgreSQL's own `ts_rank` has no inverse document frequency, and the words that decide a chat memory's
 * relevance are the rare ones (a place, a medicine, a pet's name), so the score is computed here from the
 * lexemes PostgreSQL's `english` configuration produced (stemmed, stop words dropped) for the query and for
 * each candidate memory. Statistics (N, average length, document frequencies) come from the caller's own
 * scope, so one tenant's vocabulary never shapes another tenant's scores.
 */

export interface Bm25Stats {
  /** Memories in the searched scope. */
  documents: number;
  /** Their average length in distinct lexemes. */
  averageLength: number;
}

export interface LexicalDoc {
  id: string;
  /** lexeme -> term frequency */
  terms: Map<string, number>;
  /** distinct lexemes, the unit of `averageLength` */
  length: number;
}

/** The usual Okapi constants: term frequency saturates (k1), length normalisation is partial (b). */
export const BM25_K1 = 1.2;
export const BM25_B = 0.75;

// One lexeme of tsvector's text form: 'word' or 'it''s', optionally followed by :positions (with weights).
const LEXEME = /'((?:[^']|'')*)'(?::([0-9A-D,]+))?/g;

/** Parses a tsvector's text output (`'kenta':1 'run':4,11`) into term frequencies. */
export function parseTsvector(id: string, text: string): LexicalDoc {
  const terms = new Map<string, number>();
  for (const match of text.matchAll(LEXEME)) {
    const lexeme = (match[1] as string).replace(/''/g, "'").replace(/\\\\/g, "\\");
    terms.set(lexeme, match[2] ? match[2].split(",").length : 1);
  }
  return { id, terms, length: terms.size };
}

/** A tsquery that matches any of the lexemes (they are already normalised: quoted, never re-stemmed). */
export function anyLexemeQuery(lexemes: readonly string[]): string {
  return lexemes.map((l) => `'${l.replace(/\\/g, "\\\\").replace(/'/g, "''")}'`).join(" | ");
}

/**
 * BM25 of every doc for the query lexemes. `docs` must be ALL scope memories containing at least one query
 * lexeme (the candidates' own counts are then the exact document frequencies).
 */
export function bm25Scores(
  queryLexemes: readonly string[],
  docs: readonly LexicalDoc[],
  stats: Bm25Stats,
): Map<string, number> {
  const n = Math.max(stats.documents, docs.length);
  const avg = stats.averageLength > 0 ? stats.averageLength : 1;
  const idf = new Map<string, number>();
  for (const q of new Set(queryLexemes)) {
    let df = 0;
    for (const d of docs) if (d.terms.has(q)) df++;
    if (df > 0) idf.set(q, Math.log(1 + (n - df + 0.5) / (df + 0.5)));
  }
  const scores = new Map<string, number>();
  for (const d of docs) {
    const norm = BM25_K1 * (1 - BM25_B + (BM25_B * d.length) / avg);
    let score = 0;
    for (const [q, w] of idf) {
      const tf = d.terms.get(q);
      if (tf) score += (w * tf * (BM25_K1 + 1)) / (tf + norm);
    }
    if (score > 0) scores.set(d.id, score);
  }
  return scores;
}
