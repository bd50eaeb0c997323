import { describe, expect, it } from "vitest";
import { messageSchema, recallInput, searchInput } from "./inputs.js";

describe("text inputs refuse NUL characters (PostgreSQL cannot store them)", () => {
  const cases = [
    {
      name: "message content",
      schema: messageSchema,
      input: { role: "user", content: "a\u0000b" },
      path: ["content"],
    },
    { name: "recall query", schema: recallInput, input: { query: "\u0000" }, path: ["query"] },
    { name: "search query", schema: searchInput, input: { query: "x\u0000" }, path: ["query"] },
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
  });
});
