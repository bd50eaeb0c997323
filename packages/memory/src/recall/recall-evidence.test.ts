/**
 * Recall's evidence rules on the real engine (embedded mem0: all-MiniLM-L6-v2, hybrid search), with chat
 * turns stored verbatim as P10 stores them: an earlier copy of the question is not returned as evidence, the
 * turn stating the fact is; a paraphrase is found without a shared word; an unrelated question gets nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { P } from "../../tests/helpers/principals.js";
import { STACK_HOOK_TIMEOUT_MS, startTestStack, type TestStack } from "../../tests/helpers/test-stack.js";

let t: TestStack;
const TURNS = [
  "My sister Priya moved to Glasgow last spring.",
  "Can you suggest a good thriller novel for the train?",
  "My husband Tom is a firefighter at the station on Elm Road.",
  "Where does my sister live again?",
  "I usually make porridge with oat milk for breakfast.",
];

beforeAll(async () => {
  t = await startTestStack();
  const alice = await t.caller(P.alice);
  for (const text of TURNS)
    await alice.memory.add({ messages: [{ role: "user", content: text }], infer: false });
}, STACK_HOOK_TIMEOUT_MS);

afterAll(async () => {
  await t?.close();
});

const recalled = async (query: string) =>
  (await (await t.caller(P.alice)).memory.recall({ query })).memories.map((m) => m.text);

describe("memory.recall evidence on the embedded default", () => {
  it("returns the turn that states the fact, not the earlier copy of the question", async () => {
    const texts = await recalled("Where does my sister live?");
    expect(texts).toContain(TURNS[0]);
    expect(texts).not.toContain(TURNS[3]);
  });

  it("finds a paraphrase that shares no word with the question (spouse / husband, job / firefighter)", async () => {
    expect(await recalled("What is my spouse's job?")).toContain(TURNS[2]);
  });

  it("injects nothing for a question none of the memories is about", async () => {
    expect(await recalled("How tall is Mount Kilimanjaro?")).toEqual([]);
  });
});
