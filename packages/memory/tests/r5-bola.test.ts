/**
 * R5: the BOLA matrix. mem0's by-id endpoints are unscoped, so every by-id procedure x every kind of
 * outsider must answer NOT_FOUND, byte-for-byte the same as for an id that does not exist, and must not
 * change the memory. Scoped reads (search, list, recall) never return another scope's memories either.
 */
import { randomUUID } from "node:crypto";
import type { Principal } from "@automatos/memory-policy";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { P } from "../src/testing/principals.js";
import {
  type Caller,
  STACK_HOOK_TIMEOUT_MS,
  startTestStack,
  type TestStack,
} from "../src/testing/test-stack.js";

let t: TestStack;
const ids: Record<string, string> = {};

async function addAs(principal: Principal, content: string, scope?: "user" | "agent" | "agent-user" | "run") {
  const out = await (await t.caller(principal)).memory.add({
    messages: [{ role: "user", content }],
    ...(scope ? { scope } : {}),
  });
  if (out.status !== "done" || !out.results[0]) throw new Error("add did not store");
  return out.results[0].id;
}

beforeAll(async () => {
  t = await startTestStack();
  ids.aliceUser = await addAs(P.alice, "Alice's door code is 4711");
  ids.agentAboutAlice = await addAs(
    P.agentForAlice,
    "Planner notes: Alice prefers morning meetings",
    "agent-user",
  );
  ids.agentShared = await addAs(P.agentForAlice, "Planner knows the office opens at 8", "agent");
  ids.run = await addAs(P.workflowForAlice, "Run 1 fetched the quarterly report", "run");
}, STACK_HOOK_TIMEOUT_MS);
afterAll(async () => {
  await t?.close();
}, STACK_HOOK_TIMEOUT_MS);

type ByIdCall = (c: Caller, id: string) => Promise<unknown>;
const BY_ID: Record<string, ByIdCall> = {
  get: (c, id) => c.memory.get({ id }),
  history: (c, id) => c.memory.history({ id }),
  update: (c, id) => c.memory.update({ id, text: "overwritten by an attacker" }),
  delete: (c, id) => c.memory.delete({ id }),
};

/** [victim memory, attacker, why] — every row must be invisible to the attacker. */
const MATRIX: [keyof typeof ids, Principal, string][] = [
  ["aliceUser", P.bob, "another user, same workspace"],
  ["aliceUser", P.carol, "another workspace (same raw user id 'alice')"],
  ["aliceUser", P.otherAgentForAlice, "agents may read but not write a user's memory: write ops only"],
  ["agentAboutAlice", P.alice, "a scope the chatbot may not touch (agent-user)"],
  ["agentAboutAlice", P.otherAgentForAlice, "another agent's notes about the same user"],
  ["agentShared", P.alice, "a scope the chatbot may not touch (agent)"],
  ["run", P.alice, "a scope the chatbot may not touch (run)"],
  ["run", { ...P.workflowForAlice, runId: "run-2" }, "another run of the same workflow app"],
  ["aliceUser", P.admin, "admin has no read/write scope"],
];

async function failure(p: Promise<unknown>) {
  const e = await p.then(
    (v) => ({ leaked: v }),
    (err: unknown) => err,
  );
  return e as { code?: string; message?: string; leaked?: unknown };
}

describe("R5: by-id procedures x outsiders", () => {
  for (const [victim, attacker, why] of MATRIX) {
    for (const [op, call] of Object.entries(BY_ID)) {
      // Agents may READ the user scope of the user they act for: only write ops are outsiders there.
      const readAllowed = why.startsWith("agents may read") && (op === "get" || op === "history");
      if (readAllowed) continue;
      it(`${op} on ${victim} by ${attacker.app}/${attacker.workspaceId}/${attacker.userId} (${why})`, async () => {
        const caller = await t.caller(attacker);
        const err = await failure(call(caller, ids[victim] as string));
        const missing = await failure(call(caller, randomUUID()));
        expect(err.leaked).toBeUndefined();
        expect(err.code).toBe("NOT_FOUND");
        // Indistinguishable from an id that does not exist.
        expect({ code: err.code, message: err.message }).toEqual({
          code: missing.code,
          message: missing.message,
        });
      });
    }
  }

  it("after the whole matrix, every victim memory is intact", async () => {
    const owners: [keyof typeof ids, Principal, string][] = [
      ["aliceUser", P.alice, "Alice's door code is 4711"],
      ["agentAboutAlice", P.agentForAlice, "Planner notes: Alice prefers morning meetings"],
      ["agentShared", P.agentForAlice, "Planner knows the office opens at 8"],
      ["run", P.workflowForAlice, "Run 1 fetched the quarterly report"],
    ];
    for (const [key, owner, text] of owners) {
      const got = await (await t.caller(owner)).memory.get({ id: ids[key] as string });
      expect(got.text).toBe(text);
      const history = await (await t.caller(owner)).memory.history({ id: ids[key] as string });
      expect(history.entries.map((e) => e.event)).toEqual(["ADD"]);
    }
  });

  it("an agent reads the user it acts for, but cannot write it", async () => {
    const agent = await t.caller(P.otherAgentForAlice);
    await expect(agent.memory.get({ id: ids.aliceUser as string })).resolves.toMatchObject({ scope: "user" });
    await expect(agent.memory.delete({ id: ids.aliceUser as string })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});

describe("R5: scoped reads never cross scopes", () => {
  const texts = (ms: { text: string }[]) => ms.map((m) => m.text).join(" | ");
  it("search, list and recall by outsiders return none of the victims' memories", async () => {
    for (const attacker of [P.bob, P.carol]) {
      const c = await t.caller(attacker);
      expect(texts((await c.memory.search({ query: "door code", topK: 100 })).memories)).not.toMatch(/4711/);
      expect((await c.memory.list({ limit: 1000 })).memories).toEqual([]);
      expect((await c.memory.recall({ query: "what is Alice's door code?" })).memories).toEqual([]);
    }
  });

  it("the chatbot's user-scope search does not surface agent-user memories mem0 returns for {user_id}", async () => {
    const c = await t.caller(P.alice);
    const found = await c.memory.search({ query: "Planner notes Alice prefers morning meetings", topK: 100 });
    expect(texts(found.memories)).not.toMatch(/Planner/);
    const recall = await c.memory.recall({ query: "does Alice prefer morning meetings?" });
    expect(recall.dropped.outOfScope).toBeGreaterThan(0);
    expect(texts(recall.memories)).not.toMatch(/Planner/);
  });

  it("an agent sees its own notes about the user and the user's memories, not another agent's", async () => {
    const planner = await t.caller(P.agentForAlice);
    const all = texts((await planner.memory.list({ limit: 1000 })).memories);
    expect(all).toMatch(/Planner notes/);
    expect(all).toMatch(/door code/);
    const critic = await t.caller(P.otherAgentForAlice);
    expect(texts((await critic.memory.list({ limit: 1000 })).memories)).not.toMatch(/Planner/);
  });

  it("a client cannot widen with filters or name foreign ids", async () => {
    const c = await t.caller(P.bob);
    const widening: Record<string, string>[] = [
      { user_id: "workspace_w1_user_alice" },
      { userId: "alice" },
      { OR: "x" },
      { AND: "x" },
    ];
    for (const filters of widening) {
      await expect(c.memory.search({ query: "door code", filters })).rejects.toMatchObject({
        code: "BAD_REQUEST",
      });
    }
    await expect(c.memory.search({ query: "door code", userId: "alice" } as never)).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });

  it("colliding raw ids are rejected by the grammar", async () => {
    const a = await t.caller({ app: "chatbot", workspaceId: "1_user_2", userId: "3" });
    await expect(a.memory.list()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    const admin = await t.caller(P.admin);
    await expect(
      admin.memory.forget({ kind: "user", workspaceId: "1", userId: "2_user_3" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("only an operator may forget a whole user; it erases user and agent-user memories of that user only", async () => {
    const chatbot = await t.caller(P.bob);
    await expect(
      chatbot.memory.forget({ kind: "user", workspaceId: "w1", userId: "alice" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await addAs(P.bob, "Bob's favourite food is ramen");
    const admin = await t.caller(P.admin);
    await expect(
      admin.memory.forget({ kind: "user", workspaceId: "w1", userId: "alice" }),
    ).resolves.toMatchObject({ kind: "user", complete: true });
    expect((await (await t.caller(P.alice)).memory.list()).memories).toEqual([]);
    expect(
      (await (await t.caller(P.agentForAlice)).memory.list({ scopes: ["agent-user"] })).memories,
    ).toEqual([]);
    expect(
      texts((await (await t.caller(P.agentForAlice)).memory.list({ scopes: ["agent"] })).memories),
    ).toMatch(/office opens/);
    expect(texts((await chatbot.memory.list()).memories)).toMatch(/ramen/);
  });
});
