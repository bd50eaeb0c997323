import { describe, expect, it } from "vitest";
import { loadDataset } from "./load-dataset.js";
import type { Dataset } from "./types.js";
import { sharedStems, validateDataset } from "./validate-dataset.js";

const shipped = loadDataset();

/** A deep copy to corrupt in one place. */
const copy = (): Dataset => structuredClone(shipped);

describe("the shipped relevance set", () => {
  it("is valid: evidence exists, categories balanced, paraphrases share no content word", () => {
    expect(validateDataset(shipped, { minQuestions: 300 })).toEqual([]);
  });

  it("has 8-12 personas, >= 300 questions and every category", () => {
    expect(shipped.personas.length).toBeGreaterThanOrEqual(8);
    expect(shipped.personas.length).toBeLessThanOrEqual(12);
    expect(shipped.questions.length).toBeGreaterThanOrEqual(300);
    expect(new Set(shipped.questions.map((q) => q.category))).toEqual(
      new Set(["single-fact", "multi-session", "temporal", "paraphrased"]),
    );
  });
});

describe("validateDataset catches", () => {
  it("an evidence id that does not exist", () => {
    const d = copy();
    d.questions[0]!.evidence = ["nope-s0-t00"];
    expect(validateDataset(d)).toContain(
      `question ${d.questions[0]!.id}: evidence nope-s0-t00 does not exist`,
    );
  });

  it("a question without evidence", () => {
    const d = copy();
    d.questions[1]!.evidence = [];
    expect(validateDataset(d)).toContain(`question ${d.questions[1]!.id}: no evidence`);
  });

  it("evidence from another user", () => {
    const d = copy();
    const other = d.turns.find((t) => t.userId !== d.questions[0]!.userId)!;
    d.questions[0]!.evidence = [other.id];
    expect(validateDataset(d).join("\n")).toMatch(/belongs to another user/);
  });

  it("a multi-session question whose evidence sits in one session", () => {
    const d = copy();
    const q = d.questions.find((x) => x.category === "multi-session")!;
    q.evidence = [q.evidence[0]!];
    expect(validateDataset(d)).toContain(
      `question ${q.id}: multi-session evidence lies in fewer than 2 sessions`,
    );
  });

  it("a paraphrased question that reuses its evidence's words or text", () => {
    const d = copy();
    const q = d.questions.find((x) => x.category === "paraphrased")!;
    const evidence = d.turns.find((t) => t.id === q.evidence[0])!;
    q.question = `Did I say "${evidence.text}"?`;
    const problems = validateDataset(d).join("\n");
    expect(problems).toMatch(/contains its evidence verbatim/);
    expect(problems).toMatch(/paraphrased but shares/);
  });

  it("unbalanced categories and too few questions", () => {
    const d = copy();
    d.questions = d.questions.filter((q) => q.category !== "temporal");
    const problems = validateDataset(d, { minQuestions: 300 }).join("\n");
    expect(problems).toMatch(/category temporal holds 0.0%/);
    expect(problems).toMatch(/expected >= 300/);
  });

  it("duplicate turn ids and turns out of order", () => {
    const d = copy();
    d.turns[1]!.id = d.turns[0]!.id;
    d.turns[3]!.timestamp = d.turns[2]!.timestamp;
    const problems = validateDataset(d).join("\n");
    expect(problems).toMatch(/turn ids are not unique/);
    expect(problems).toMatch(/not after the previous turn/);
  });
});

describe("sharedStems", () => {
  it("compares stemmed content words and ignores stop words", () => {
    expect(sharedStems("What do I do for a living?", ["I'm a nurse at the hospital"])).toEqual([]);
    expect(sharedStems("Which hospitals did I work at?", ["I work at the hospital"])).toEqual([
      "hospit",
      "work",
    ]);
  });
});
