import { describe, expect, it } from "vitest";
import { OutboxValidationError } from "./errors.js";
import { parseEnqueueJob, payloadHash } from "./job-input.js";

const valid = {
  idempotencyKey: "req-1",
  mem0Ids: { user_id: "workspace_w1_user_u1" },
  payload: { messages: [{ role: "user", content: "I like tea" }], metadata: { source: "chatbot" } },
};

function fieldOf(input: unknown): string {
  try {
    parseEnqueueJob(input);
  } catch (err) {
    expect(err).toBeInstanceOf(OutboxValidationError);
    return (err as OutboxValidationError).field;
  }
  throw new Error("expected a validation error");
}

describe("parseEnqueueJob", () => {
  it("accepts a well-formed job unchanged", () => {
    expect(parseEnqueueJob(valid)).toEqual(valid);
  });

  it.each([
    ["idempotencyKey", { ...valid, idempotencyKey: "  " }],
    ["mem0Ids", { ...valid, mem0Ids: {} }],
    ["mem0Ids", { ...valid, mem0Ids: { actor_id: "x" } }],
    ["payload.messages", { ...valid, payload: { messages: [] } }],
    ["payload.messages.0.content", { ...valid, payload: { messages: [{ role: "user", content: 3 }] } }],
    ["payload.expirationDate", { ...valid, payload: { ...valid.payload, expirationDate: "tomorrow" } }],
    ["payload", { ...valid, payload: { ...valid.payload, prompt: "unsupported" } }],
  ])("names the bad field %s", (field, input) => {
    expect(fieldOf(input)).toBe(field);
  });

  it("puts the field in the message", () => {
    expect(() => parseEnqueueJob({ ...valid, idempotencyKey: 5 })).toThrow(/invalid idempotencyKey/);
  });
});

describe("payloadHash", () => {
  it("ignores key order and undefined fields", () => {
    const reordered = {
      payload: { metadata: { source: "chatbot" }, messages: [{ content: "I like tea", role: "user" }] },
      mem0Ids: { user_id: "workspace_w1_user_u1", agent_id: undefined },
    };
    expect(payloadHash(reordered)).toBe(payloadHash(valid));
  });

  it("changes with the content, the metadata and the ids", () => {
    const base = payloadHash(valid);
    expect(payloadHash({ ...valid, payload: { ...valid.payload, metadata: { source: "agents" } } })).not.toBe(
      base,
    );
    expect(
      payloadHash({ ...valid, payload: { messages: [{ role: "user", content: "I like coffee" }] } }),
    ).not.toBe(base);
    expect(payloadHash({ ...valid, mem0Ids: { user_id: "workspace_w2_user_u1" } })).not.toBe(base);
  });
});
