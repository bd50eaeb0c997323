import { describe, expect, it } from "vitest";
import { addInput, messageSchema, recallInput, searchInput } from "./inputs.js";

describe("text inputs refuse NUL characters and unpaired surrogates (PostgreSQL cannot store them)", () => {
  const cases = [
    {
      name: "message content",
      schema: messageSchema,
      input: { role: "user", content: "a\u0000b" },
      path: ["content"],
    },
    { name: "recall query", schema: recallInput, input: { query: "\u0000" }, path: ["query"] },
    { name: "search query", schema: searchInput, input: { query: "x\u0000" }, path: ["query"] },
    {
      name: "an unpaired high surrogate",
      schema: messageSchema,
      input: { role: "user", content: "a\ud800b" },
      path: ["content"],
    },
    {
      name: "an unpaired low surrogate",
      schema: recallInput,
      input: { query: "\udc00 flight" },
      path: ["query"],
    },
    {
      name: "a metadata value",
      schema: addInput,
      input: { messages: [{ role: "user", content: "x" }], metadata: { k: "a\u0000" } },
      path: ["metadata", "k"],
    },
    {
      name: "a filter value",
      schema: searchInput,
      input: { query: "x", filters: { k: "\ud800" } },
      path: ["filters", "k"],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const r = c.schema.safeParse(c.input);
      expect(r.success).toBe(false);
      expect(r.error?.issues[0]?.path).toEqual(c.path);
      expect(r.error?.issues[0]?.message).toMatch(/NUL/);
    });
  }
  it("accepts ordinary text", () => {
    expect(messageSchema.safeParse({ role: "user", content: "I'm vegetarian" }).success).toBe(true);
    expect(
      messageSchema.safeParse({ role: "user", content: "emoji 👍 and 𣎓 are surrogate pairs" }).success,
    ).toBe(true);
  });
});
