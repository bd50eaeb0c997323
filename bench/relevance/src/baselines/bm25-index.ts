import bm25 from "wink-bm25-text-search";
import nlp from "wink-nlp-utils";

/**
 * BM25 with wink-bm25-text-search, its documented defaults (k1 = 1.2, b = 0.75) and the prep pipeline from its
 * README: lower-case, tokenise, drop stop words, Porter-2 stem (all from wink-nlp-utils). Documents come
 * already prepared (`bm25Terms`, once per memory): an index that is rebuilt as memories arrive then costs
 * no re-tokenising. Queries go through the full pipeline inside wink.
 */
const PREP = [nlp.string.lowerCase, nlp.string.tokenize0, nlp.tokens.removeWords, nlp.tokens.stem];

export function bm25Terms(text: string): string[] {
  return nlp.tokens.stem(nlp.tokens.removeWords(nlp.string.tokenize0(nlp.string.lowerCase(text))));
}

export interface Bm25Index {
  /** Document ids, best first (only documents sharing a term with the query). */
  search(query: string, k: number): string[];
}

/** wink refuses to index fewer than 3 documents: null then (callers count it). */
export function buildBm25Index(docs: readonly { id: string; terms: readonly string[] }[]): Bm25Index | null {
  if (docs.length < 3) return null;
  const engine = bm25();
  engine.defineConfig({ fldWeights: { text: 1 }, bm25Params: { k1: 1.2, b: 0.75 } });
  engine.definePrepTasks(PREP as never);
  engine.definePrepTasks([(s: string) => (s === "" ? [] : s.split(" "))] as never, "text");
  for (const d of docs) engine.addDoc({ text: d.terms.join(" ") }, d.id);
  engine.consolidate();
  return { search: (query, k) => engine.search(query, k).map(([id]) => String(id)) };
}
