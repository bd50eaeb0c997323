import bm25 from "wink-bm25-text-search";
import nlp from "wink-nlp-utils";
import type { Dataset } from "../dataset/types.js";
import type { Retriever } from "../evaluate.js";

/**
 * BM25 over the same turns, one index per user (a question only sees its own user's memories).
 * wink-bm25-text-search with its documented defaults (k1 = 1.2, b = 0.75) and the prep pipeline from its
 * README: lower-case, tokenise, drop stop words, Porter-2 stem (all from wink-nlp-utils).
 */
export function createBm25Retriever(dataset: Dataset): Retriever {
  const engines = new Map<string, ReturnType<typeof bm25>>();
  const prep = [nlp.string.lowerCase, nlp.string.tokenize0, nlp.tokens.removeWords, nlp.tokens.stem];
  for (const persona of dataset.personas) {
    const engine = bm25();
    engine.defineConfig({ fldWeights: { text: 1 }, bm25Params: { k1: 1.2, b: 0.75 } });
    engine.definePrepTasks(prep as never);
    const turns = dataset.turns.filter((t) => t.userId === persona.userId);
    // wink refuses to consolidate fewer than 3 documents; every persona has hundreds.
    for (const t of turns) engine.addDoc({ text: t.text }, t.id);
    engine.consolidate();
    engines.set(persona.userId, engine);
  }
  return async (userId, question, k) => {
    const engine = engines.get(userId);
    if (!engine) return [];
    return engine.search(question, k).map(([id]) => String(id));
  };
}
