/**
 * A stored question that only repeats the current query is not evidence.
 *
 * Chat turns are stored verbatim, so a user's earlier "where does my sister live?" is a memory. Asked again,
 * that earlier question matches the new one better than anything else (same words), yet it tells the model
 * nothing the query does not already say; worse, as the best hit it raised the relative floor above the turn
 * that states the answer ("Priya moved to Glasgow"), which was then dropped.
 *
 * Rule: a memory is an echo when it is a question (ends with "?") and every content word of it (stemmed,
 * stop words and chat filler removed: @automatos/text) also occurs in the query. A question that carries
 * anything more ("should I visit Priya in Glasgow?") keeps its extra words and stays a candidate; a
 * statement is never an echo, however close to the query ("I like coffee" answers "do I like coffee?").
 */
import { contentStems, stemsMatch } from "@automatos/text";

function isQuestion(text: string): boolean {
  return /\?[\s"'’”)]*$/u.test(text);
}

export function isQueryEcho(queryStems: readonly string[], memoryText: string): boolean {
  if (queryStems.length === 0 || !isQuestion(memoryText)) return false;
  const stems = contentStems(memoryText);
  return stems.length > 0 && stems.every((m) => queryStems.some((q) => stemsMatch(q, m)));
}
