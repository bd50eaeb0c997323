import { describe, expect, it } from "vitest";
import { canonicalJson } from "./canonical.js";
import { personaFile } from "./fixture.test-helpers.js";
import { evidenceKey, MAX_INPUT_CHARS, parsePersona } from "./parse.js";

describe("canonicalJson", () => {
  it("does not depend on key order, at any depth", () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { f: 2, e: 3 }], c: "x" } })).toBe(
      canonicalJson({ a: { c: "x", d: [1, { e: 3, f: 2 }] }, b: 1 }),
    );
    expect(canonicalJson({ b: 1, a: 2 })).toBe('{"a":2,"b":1}');
  });
});

describe("parsePersona", () => {
  const { tenant, notes } = parsePersona(personaFile("Ann"), "Ann_Lee_dialogues_256k.json");
  const biscuit = evidenceKey("Ann adopted a greyhound called Biscuit.");
  const diet = evidenceKey('{"topic":"diet","value":"vegetarian"}');
  const leeds = evidenceKey("Ann moved to Leeds in March.");

  it("asks a session's queries before storing its memories (a query only sees earlier sessions)", () => {
    expect(tenant.userId).toBe("rmb-ann-lee");
    expect(tenant.steps.map((s) => s.kind)).toEqual(["add", "ask", "add", "ask"]);
    const [first, , second] = tenant.steps;
    expect(first?.kind === "add" && first.memories.map((m) => m.key)).toEqual([biscuit, diet]);
    expect(second?.kind === "add" && second.memories.map((m) => m.text)).toEqual([
      "Ann moved to Leeds in March.",
    ]);
  });

  it("stores an object memory as canonical JSON and matches evidence by canonical content", () => {
    const first = tenant.steps[0];
    expect(first?.kind === "add" && first.memories[1]?.text).toBe('{"topic":"diet","value":"vegetarian"}');
    const ask = tenant.steps[1];
    expect(ask?.kind === "ask" && ask.queries).toEqual([
      {
        id: "Ann_Lee:Q-0002",
        text: "What is my dog called?",
        evidence: [biscuit, diet],
        category: "Dynamic Updating",
      },
    ]);
  });

  it("cuts an over-long query to the recall limit and counts what it changed or left out", () => {
    const last = tenant.steps[3];
    const q = last?.kind === "ask" ? last.queries[0] : undefined;
    expect(q?.text.length).toBe(MAX_INPUT_CHARS);
    expect(q?.evidence).toEqual([leeds]);
    expect(notes).toEqual({
      sessions: 3,
      queryTurns: 3,
      truncatedQueries: 1,
      truncatedMemories: 0,
      unmatchedEvidence: 1,
      queriesWithoutEvidence: 1,
    });
  });

  it("names the file and field of malformed data", () => {
    expect(() => parsePersona({ dialogues: [{ dialogue_turns: [] }] }, "Bad_dialogues_256k.json")).toThrow(
      "Bad_dialogues_256k.json: dialogues[0].extracted_memory: expected an array of memories",
    );
    expect(() => parsePersona({}, "Bad_dialogues_256k.json")).toThrow(
      "Bad_dialogues_256k.json.dialogues: expected an array of sessions",
    );
  });
});
