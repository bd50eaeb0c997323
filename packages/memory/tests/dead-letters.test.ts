/**
 * memory.deadLetters and memory.retryDeadLetters through the real router on the real stack (PGlite outbox,
 * embedded mem0): operators only, always within the operator's own workspace, inputs refused naming the field.
 */
import { TRPCError } from "@trpc/server";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { P } from "../src/testing/principals.js";
import {
  type Caller,
  STACK_HOOK_TIMEOUT_MS,
  startTestStack,
  type TestStack,
} from "../src/testing/test-stack.js";

let t: TestStack;
let admin: Caller;
/** A dead letter of alice's (workspace w1) and one of carol's (workspace w2). */
let w1Job = "";
let w2Job = "";

/** Queues a remember and dead-letters it, as the relay does after a permanent failure. */
async function deadLetter(caller: Caller, key: string, content: string): Promise<string> {
  const { jobId } = await caller.memory.remember({
    messages: [{ role: "user", content }],
    idempotencyKey: key,
  });
  await t.stack.database.db.execute(
    sql`update outbox set status = 'dead', failures = 12, last_error = 'mem0 answered 503' where id = ${jobId}`,
  );
  return jobId;
}

beforeAll(async () => {
  t = await startTestStack();
  admin = await t.caller(P.admin);
  w1Job = await deadLetter(await t.caller(P.alice), "dead-letter-w1", "I collect vintage maps");
  w2Job = await deadLetter(await t.caller(P.carol), "dead-letter-w2", "I collect old stamps");
}, STACK_HOOK_TIMEOUT_MS);
afterAll(async () => {
  await t?.close();
}, STACK_HOOK_TIMEOUT_MS);

describe("dead letters (operators only)", () => {
  it("refuses every other app with FORBIDDEN naming principal.app", async () => {
    for (const who of [P.alice, P.agentForAlice, P.workflowForAlice]) {
      const caller = await t.caller(who);
      for (const call of [
        () => caller.memory.deadLetters(),
        () => caller.memory.retryDeadLetters({ jobIds: [w1Job] }),
      ]) {
        const err = await call().then(
          () => null,
          (e: unknown) => e,
        );
        expect(err).toBeInstanceOf(TRPCError);
        expect(err).toMatchObject({ code: "FORBIDDEN" });
        expect((err as TRPCError).message).toMatch(/^principal\.app: /);
      }
    }
    expect((await admin.memory.deadLetters()).deadLetters.map((d) => d.jobId)).toContain(w1Job);
  });

  it("lists the operator's workspace's dead letters only, without what the user said", async () => {
    const { deadLetters } = await admin.memory.deadLetters({ limit: 10 });
    expect(deadLetters).toEqual([
      {
        jobId: w1Job,
        failures: 12,
        lastError: "mem0 answered 503",
        createdAt: expect.any(String),
        deadSince: expect.any(String),
      },
    ]);
    expect(JSON.stringify(deadLetters)).not.toContain("vintage maps");
  });

  it("retries by id within the workspace; another workspace's id is left dead; the relay then delivers", async () => {
    const out = await admin.memory.retryDeadLetters({ jobIds: [w1Job, w2Job] });
    expect(out).toEqual({ retried: 1, jobIds: [w1Job] });
    expect(await t.stack.outbox.get(w1Job)).toMatchObject({ status: "pending", attempts: 0 });
    expect(await t.stack.outbox.get(w2Job)).toMatchObject({ status: "dead" });
    expect((await admin.memory.deadLetters()).deadLetters).toEqual([]);
    expect(await admin.memory.retryDeadLetters({ jobIds: [w1Job] })).toEqual({ retried: 0, jobIds: [] });
    await t.drain();
    expect(await t.stack.outbox.get(w1Job)).toMatchObject({ status: "delivered" });
    const alice = await t.caller(P.alice);
    const listed = await alice.memory.list({ limit: 50 });
    expect(listed.memories.map((m) => m.text)).toContain("I collect vintage maps");
  });

  it("refuses bad input naming the field", async () => {
    const cases = [
      { call: () => admin.memory.retryDeadLetters({ jobIds: [] }), path: ["jobIds"] },
      { call: () => admin.memory.retryDeadLetters({ jobIds: ["not-a-uuid"] }), path: ["jobIds", 0] },
      { call: () => admin.memory.retryDeadLetters({ ids: [w1Job] } as never), path: [] },
      { call: () => admin.memory.deadLetters({ limit: 0 }), path: ["limit"] },
    ];
    for (const c of cases) {
      const err = await c.call().then(
        () => null,
        (e: unknown) => e as TRPCError,
      );
      expect(err?.code).toBe("BAD_REQUEST");
      // The zod issue carries the field (the error formatter turns it into `data.field` over HTTP).
      const issues = (err?.cause as { issues?: { path: PropertyKey[] }[] } | undefined)?.issues ?? [];
      expect(issues.map((i) => i.path)).toContainEqual(c.path);
    }
    expect(await t.stack.outbox.get(w2Job)).toMatchObject({ status: "dead" });
  });
});
