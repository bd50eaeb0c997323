import type { Dataset } from "../dataset/types.js";
import type { Retriever } from "../evaluate.js";

/**
 * The legacy behaviour (docs/legacy-store.md): inject the user's most recent memories whatever the question.
 * "Most recent" is as of the end of the user's history, i.e. after the last session.
 */
export function createRecentRetriever(dataset: Dataset): Retriever {
  const byUser = new Map<string, string[]>();
  for (const t of [...dataset.turns].sort((a, b) => Date.parse(b.timestamp) - Date.parse(a.timestamp))) {
    byUser.set(t.userId, [...(byUser.get(t.userId) ?? []), t.id]);
  }
  return async (userId, _question, k) => (byUser.get(userId) ?? []).slice(0, k);
}
