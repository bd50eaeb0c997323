import { toMem0Ids } from "@automatos/memory-policy";
import { describe, expect, it } from "vitest";
import { legacyTurnOf, MIRROR_KEY, mirrorJob, mirrorRowId } from "./mirror-job.js";

const scope = { kind: "user", workspaceId: "w1", userId: "alice" } as const;
const owner = { kind: "user", workspaceId: "w1", userId: "alice" } as const;
const messages = [{ role: "user", content: "I like tea" }];

const asRequest = (job: ReturnType<typeof mirrorJob>) => ({
  messages: job.payload.messages,
  ...(job.mem0Ids.user_id ? { userId: job.mem0Ids.user_id } : {}),
  ...(job.mem0Ids.agent_id ? { agentId: job.mem0Ids.agent_id } : {}),
  ...(job.payload.metadata ? { metadata: job.payload.metadata } : {}),
});

describe("legacy mirror jobs", () => {
  it("round-trip through the relay's request shape, with a stable row id per idempotency key", () => {
    const job = mirrorJob(scope, owner, "remember:abc", "dual", messages);
    expect(legacyTurnOf(asRequest(job))).toEqual({
      rowId: mirrorRowId("remember:abc"),
      origin: "dual",
      owner,
      messages,
    });
    expect(mirrorRowId("remember:abc")).toBe(mirrorRowId("remember:abc"));
    expect(mirrorRowId("remember:abd")).not.toBe(mirrorRowId("remember:abc"));
    expect(mirrorRowId("remember:abc")).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });

  it("ordinary adds are not mirror jobs", () => {
    expect(legacyTurnOf({ messages, userId: "x", metadata: { a: 1 } })).toBeNull();
  });

  it("refuses a marker whose owner is not the job's scope (kind validation: dead-lettered at once)", () => {
    const job = mirrorJob(scope, owner, "remember:abc", "legacy", messages);
    const forged = { ...asRequest(job), userId: toMem0Ids({ ...scope, userId: "mallory" }).user_id };
    expect(() => legacyTurnOf(forged)).toThrow(expect.objectContaining({ kind: "validation" }));
    expect(() => legacyTurnOf({ messages, userId: "u", metadata: { [MIRROR_KEY]: { v: 2 } } })).toThrow(
      /malformed/,
    );
  });
});
