import { contentStems } from "@automatos/text";
import { type Dataset, QUESTION_CATEGORIES } from "./types.js";

const ID_PATTERN = /^[A-Za-z0-9-]{1,64}$/;

/** Each category must hold at least this share of the questions ("categories balanced"). */
export const MIN_CATEGORY_SHARE = 0.2;

/** Content stems a paraphrased question shares with its evidence turns (should be none). */
export function sharedStems(question: string, evidenceTexts: string[]): string[] {
  const evidence = new Set(evidenceTexts.flatMap(contentStems));
  return [...new Set(contentStems(question))].filter((s) => evidence.has(s));
}

/**
 * Checks the dataset's integrity and returns every problem found (empty = valid):
 * ids unique and well-formed, turns chronological per user, every question with >= 1 evidence turn of its
 * own user, multi-session evidence spanning >= 2 sessions, balanced categories, and paraphrased questions
 * that neither contain their evidence verbatim nor share a content word (stemmed, stop words aside) with it.
 */
export function validateDataset(dataset: Dataset, options: { minQuestions?: number } = {}): string[] {
  const problems: string[] = [];
  const users = new Set(dataset.personas.map((p) => p.userId));
  const turns = new Map(dataset.turns.map((t) => [t.id, t]));
  if (turns.size !== dataset.turns.length) problems.push("turn ids are not unique");
  const lastTime = new Map<string, number>();
  for (const t of dataset.turns) {
    if (!ID_PATTERN.test(t.id)) problems.push(`turn ${t.id}: id does not match ${ID_PATTERN}`);
    if (!users.has(t.userId)) problems.push(`turn ${t.id}: unknown user ${t.userId}`);
    if (t.text.trim() === "") problems.push(`turn ${t.id}: empty text`);
    const time = Date.parse(t.timestamp);
    if (Number.isNaN(time)) problems.push(`turn ${t.id}: bad timestamp ${t.timestamp}`);
    if (time <= (lastTime.get(t.userId) ?? Number.NEGATIVE_INFINITY))
      problems.push(`turn ${t.id}: not after the previous turn`);
    lastTime.set(t.userId, time);
  }
  const questionIds = new Set<string>();
  for (const q of dataset.questions) {
    if (questionIds.has(q.id)) problems.push(`question ${q.id}: duplicate id`);
    questionIds.add(q.id);
    if (!users.has(q.userId)) problems.push(`question ${q.id}: unknown user ${q.userId}`);
    if (!QUESTION_CATEGORIES.includes(q.category))
      problems.push(`question ${q.id}: unknown category ${q.category}`);
    if (q.evidence.length === 0) problems.push(`question ${q.id}: no evidence`);
    const evidence = q.evidence.map((id) => turns.get(id));
    q.evidence.forEach((id, i) => {
      const turn = evidence[i];
      if (!turn) problems.push(`question ${q.id}: evidence ${id} does not exist`);
      else if (turn.userId !== q.userId)
        problems.push(`question ${q.id}: evidence ${id} belongs to another user`);
    });
    const found = evidence.filter((t) => t !== undefined);
    if (q.category === "multi-session" && new Set(found.map((t) => t.session)).size < 2) {
      problems.push(`question ${q.id}: multi-session evidence lies in fewer than 2 sessions`);
    }
    if (q.category === "paraphrased") {
      const lowered = q.question.toLowerCase();
      if (found.some((t) => lowered.includes(t.text.toLowerCase())))
        problems.push(`question ${q.id}: contains its evidence verbatim`);
      const shared = sharedStems(
        q.question,
        found.map((t) => t.text),
      );
      if (shared.length > 0)
        problems.push(`question ${q.id}: paraphrased but shares [${shared.join(", ")}] with its evidence`);
    }
  }
  if (options.minQuestions !== undefined && dataset.questions.length < options.minQuestions) {
    problems.push(`only ${dataset.questions.length} questions, expected >= ${options.minQuestions}`);
  }
  for (const category of QUESTION_CATEGORIES) {
    const share =
      dataset.questions.filter((q) => q.category === category).length / Math.max(1, dataset.questions.length);
    if (share < MIN_CATEGORY_SHARE)
      problems.push(`category ${category} holds ${(share * 100).toFixed(1)}% of the questions`);
  }
  return problems;
}
