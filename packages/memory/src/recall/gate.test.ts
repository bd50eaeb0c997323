import { describe, expect, it } from "vitest";
import { type GateDecision, gateTurn } from "./gate.js";

const skip = (reason: string): GateDecision => ({ recall: false, reason }) as GateDecision;
const recall: GateDecision = { recall: true };

const cases: { name: string; input: string; expected: GateDecision }[] = [
  { name: "empty string", input: "", expected: skip("empty") },
  { name: "whitespace only", input: "  \n\t ", expected: skip("empty") },
  { name: "single emoji", input: "👍", expected: skip("no-content") },
  { name: "emoji row and punctuation", input: "🙏🙏 !!! ...", expected: skip("no-content") },
  { name: "ok", input: "ok", expected: skip("acknowledgement") },
  { name: "OK with punctuation and emoji", input: "OK!! 👍", expected: skip("acknowledgement") },
  { name: "thanks a lot", input: "Thanks a lot!", expected: skip("acknowledgement") },
  { name: "thank you so much", input: "thank you so much", expected: skip("acknowledgement") },
  { name: "got it", input: "got it", expected: skip("acknowledgement") },
  { name: "makes sense", input: "makes sense.", expected: skip("acknowledgement") },
  { name: "ok? is still trivial", input: "ok?", expected: skip("acknowledgement") },
  { name: "yes please", input: "yes please", expected: skip("acknowledgement") },
  { name: "hi", input: "hi", expected: skip("greeting") },
  { name: "hello there", input: "Hello there!", expected: skip("greeting") },
  { name: "good morning", input: "good morning", expected: skip("greeting") },
  { name: "bye, see you soon", input: "bye, see you soon", expected: skip("greeting") },
  { name: "two digits", input: "42", expected: skip("too-short") },
  { name: "two letters outside the vocabulary", input: "zq", expected: skip("too-short") },
  { name: "a real question", input: "What is my favourite colour?", expected: recall },
  { name: "ack followed by content", input: "ok, and when is my flight?", expected: recall },
  { name: "a greeting followed by content", input: "hi! remind me what my dog is called", expected: recall },
  { name: "a single meaningful word", input: "Paris", expected: recall },
  { name: "three letters", input: "NYC", expected: recall },
  { name: "non-Latin script", input: "我叫什么名字", expected: recall },
  { name: "who am I (all short words, not trivial)", input: "who am I?", expected: recall },
  { name: "negative answer with new fact", input: "no, my name is Bob", expected: recall },
];

describe("gateTurn", () => {
  for (const c of cases) {
    it(c.name, () => {
      expect(gateTurn(c.input)).toEqual(c.expected);
    });
  }

  it("uses the rules it is given (the rule is data)", () => {
    const rules = { minContentChars: 1, acknowledgements: ["paris"], greetings: [], fillers: [] };
    expect(gateTurn("Paris", rules)).toEqual(skip("acknowledgement"));
    expect(gateTurn("42", rules)).toEqual(recall);
  });
});
