/**
 * Every procedure's happy path through createCaller, on the real stack: embedded mem0 (mem0's engine on
 * PGlite, REST over loopback), the real mem0 client, PGlite outbox and relay.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { P } from "../src/testing/principals.js";
import {
  type Caller,
  STACK_HOOK_TIMEOUT_MS,
  startTestStack,
  type TestStack,
} from "../src/testing/test-stack.js";

let t: TestStack;
let alice: Caller;

beforeAll(async () => {
  t = await startTestStack();
  alice = await t.caller(P.alice);
}, STACK_HOOK_TIMEOUT_MS);
afterAll(async () => {
  await t?.close();
}, STACK_HOOK_TIMEOUT_MS);

describe("memory router (happy paths)", () => {
  let nameId = "";

  it("add stores synchronously in the caller's scope", async () => {
    const out = await alice.memory.add({ messages: [{ role: "user", content: "My name is Alice" }] });
    expect(out.status).toBe("done");
    if (out.status !== "done") return;
    expect(out.scope).toBe("user");
    expect(out.results).toHaveLength(1);
    expect(out.results[0]?.text).toBe("My name is Alice");
    nameId = out.results[0]?.id ?? "";
    await alice.memory.add({
      messages: [{ role: "user", content: "My flight to Lisbon leaves on Friday at 9am" }],
      metadata: { topic: "travel" },
    });
  });

  it("remember queues the turn at once and the relay delivers it", async () => {
    const out = await alice.memory.remember({
      messages: [
        { role: "user", content: "I am allergic to peanuts" },
        { role: "assistant", content: "Noted, no peanuts." },
      ],
      idempotencyKey: "turn-0001",
    });
    expect(out).toMatchObject({ status: "pending", duplicate: false, scope: "user" });
    const again = await alice.memory.remember({
      messages: [
        { role: "user", content: "I am allergic to peanuts" },
        { role: "assistant", content: "Noted, no peanuts." },
      ],
      idempotencyKey: "turn-0001",
    });
    expect(again).toMatchObject({ jobId: out.jobId, duplicate: true });
    await t.drain();
    const listed = await alice.memory.list({ limit: 50 });
    expect(listed.memories.map((m) => m.text)).toEqual(expect.arrayContaining(["I am allergic to peanuts"]));
  });

  it("search finds by meaning in the caller's scope, with scores", async () => {
    const out = await alice.memory.search({ query: "when is my flight", topK: 5 });
    expect(out.searches).toBe(1);
    expect(out.memories[0]).toMatchObject({
      text: "My flight to Lisbon leaves on Friday at 9am",
      scope: "user",
    });
    expect(out.memories[0]?.score).toBeGreaterThan(0);
  });

  it("the request id travels to mem0 as X-Request-ID", async () => {
    t.counter.reset();
    const traced = await t.caller(P.alice, { requestId: "req-trace-0001" });
    await traced.memory.search({ query: "flight" });
    expect(t.counter.requestIds()).toEqual(["req-trace-0001"]);
  });

  it("search with a metadata filter only narrows", async () => {
    const out = await alice.memory.search({
      query: "my name and my flight",
      topK: 10,
      filters: { topic: "travel" },
    });
    expect(out.memories.map((m) => m.text)).toEqual(["My flight to Lisbon leaves on Friday at 9am"]);
  });

  it("recall returns a fenced context with the relevant memory, scores and timings", async () => {
    const out = await alice.memory.recall({ query: "What is my name?" });
    expect(out.skipped).toBeNull();
    expect(out.degraded).toBe(false);
    expect(out.searches).toBe(1);
    expect(out.memories.map((m) => m.text)).toContain("My name is Alice");
    expect(out.memories.map((m) => m.text)).not.toContain("I am allergic to peanuts");
    expect(out.context).toContain('"My name is Alice"');
    expect(out.context).toMatch(/^<memory-context nonce="[0-9a-f]{24}">/);
    expect(out.tokens.used).toBeGreaterThan(0);
    expect(out.timings.totalMs).toBeGreaterThanOrEqual(out.timings.searchMs);
  });

  it("recall skips trivial turns without calling mem0", async () => {
    t.counter.reset();
    const out = await alice.memory.recall({ query: "thanks!" });
    expect(out).toMatchObject({ skipped: "acknowledgement", searches: 0, context: "", memories: [] });
    expect(t.counter.total()).toBe(0);
  });

  it("list is bounded and says mem0 does not paginate", async () => {
    const out = await alice.memory.list({ limit: 2 });
    expect(out.memories).toHaveLength(2);
    expect(out).toMatchObject({ limit: 2, truncated: true, paginated: false });
    const all = await alice.memory.list();
    expect(all.truncated).toBe(false);
    expect(all.memories.length).toBeGreaterThanOrEqual(3);
  });

  it("get, update, history and delete work on the caller's own memory", async () => {
    const got = await alice.memory.get({ id: nameId });
    expect(got).toMatchObject({ id: nameId, text: "My name is Alice", scope: "user" });
    await expect(alice.memory.update({ id: nameId, text: "My name is Alice Smith" })).resolves.toEqual({
      id: nameId,
      updated: true,
    });
    expect((await alice.memory.get({ id: nameId })).text).toBe("My name is Alice Smith");
    const history = await alice.memory.history({ id: nameId });
    expect(history.entries.map((e) => e.event)).toEqual(["ADD", "UPDATE"]);
    expect(history.entries[1]).toMatchObject({
      oldText: "My name is Alice",
      newText: "My name is Alice Smith",
    });
    await expect(alice.memory.delete({ id: nameId })).resolves.toEqual({ id: nameId, deleted: true });
    await expect(alice.memory.get({ id: nameId })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("health reports mem0, the outbox, inference and the migration mode", async () => {
    const h = await alice.memory.health();
    expect(h).toMatchObject({
      ok: true,
      mem0: { reachable: true, breaker: "closed", error: null },
      outbox: { pending: 0, dead: 0 },
      inference: "off",
      migrationMode: "mem0",
    });
    expect(h.mem0.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it("forget erases the caller's scope and nothing else", async () => {
    const bob = await t.caller(P.bob);
    await bob.memory.add({ messages: [{ role: "user", content: "Bob likes sailing" }] });
    const out = await alice.memory.forget({ kind: "scope", scope: "user" });
    expect(out.kind).toBe("scope");
    expect(out.complete).toBe(true);
    expect(out.deleted).toBeGreaterThanOrEqual(2);
    expect((await alice.memory.list()).memories).toEqual([]);
    expect((await bob.memory.list()).memories.map((m) => m.text)).toEqual(["Bob likes sailing"]);
  });
});
