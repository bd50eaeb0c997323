/**
 * The platform dialect against a loopback fake of the hosted API (mem0-contract §2): Token auth, trailing
 * slashes, asynchronous add with event polling (done, pending at the deadline, failed), pagination that
 * never follows the absolute `next` URL, 404 -> null on get, and the platform's error bodies.
 */
import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  mem0Failure,
  PLATFORM_KEY,
  type PlatformFake,
  platformClient,
  startPlatformFake,
  user,
} from "../src/testing/loopback-clients.js";
import type { Mem0Client } from "../src/types.js";

let fake: PlatformFake;
let client: Mem0Client;

beforeAll(async () => {
  fake = await startPlatformFake({ apiKey: PLATFORM_KEY, pendingPolls: 2 });
  client = platformClient(fake.url, { breaker: { consecutiveFailures: 1_000 } });
});
afterEach(() => fake.clearFaults());
afterAll(async () => {
  await client.close();
  await fake.close();
});

const asError = mem0Failure;

async function addDone(userId: string, content: string) {
  const r = await client.add({ messages: [{ role: "user", content }], userId, infer: false });
  if (r.status !== "done") throw new Error("expected a synchronous add");
  return r.results[0]?.id as string;
}

describe("asynchronous add", () => {
  it("polls /v1/event/{id}/ until SUCCEEDED and returns done with the results", async () => {
    const userId = user();
    const before = fake.requests.length;
    const r = await client.add({ messages: [{ role: "user", content: "Prefers aisle seats" }], userId });
    expect(r).toMatchObject({ status: "done", results: [{ memory: "Prefers aisle seats", event: "ADD" }] });
    const paths = fake.requests.slice(before).map((q) => `${q.method} ${q.path}`);
    expect(paths[0]).toBe("POST /v3/memories/add/");
    expect(paths.slice(1).every((p) => /^GET \/v1\/event\/[0-9a-f-]{36}\/$/.test(p))).toBe(true);
    expect(paths.length).toBe(1 + 3); // PENDING, RUNNING, SUCCEEDED
    // One request id for the add and its polls.
    const ids = new Set(fake.requests.slice(before).map((q) => q.headers["x-request-id"]));
    expect(ids.size).toBe(1);
  });

  it("returns pending with the event id when the deadline passes first", async () => {
    const slow = await startPlatformFake({ apiKey: PLATFORM_KEY, pendingPolls: Number.POSITIVE_INFINITY });
    const c = platformClient(slow.url, { eventPoll: { intervalMs: 10, deadlineMs: 60 } });
    const r = await c.add({ messages: [{ role: "user", content: "x" }], userId: user() });
    expect(r.status).toBe("pending");
    if (r.status === "pending") expect(slow.events.has(r.eventId)).toBe(true);
    await c.close();
    await slow.close();
  });

  it("a FAILED event is an upstream error with the platform's reason", async () => {
    const failing = await startPlatformFake({ apiKey: PLATFORM_KEY, failEventsWith: "LLM quota exceeded" });
    const c = platformClient(failing.url);
    const e = await asError(c.add({ messages: [{ role: "user", content: "x" }], userId: user() }));
    expect(e).toMatchObject({ kind: "upstream", code: "event_failed", detail: "LLM quota exceeded" });
    await c.close();
    await failing.close();
  });

  it("infer:false is synchronous and parses results nested under data.memory", async () => {
    const r = await client.add({
      messages: [{ role: "user", content: "Has two cats" }],
      userId: user(),
      infer: false,
    });
    expect(r).toMatchObject({ status: "done", results: [{ memory: "Has two cats", event: "ADD" }] });
  });

  it("the v1 one-element list form of the pending answer is understood", async () => {
    const eventId = randomUUID();
    fake.inject({
      path: "/v3/memories/add/",
      replies: [{ body: [{ message: "queued", status: "PENDING", event_id: eventId }] }],
    });
    fake.inject({ path: `/v1/event/${eventId}/`, replies: [{ body: { status: "SUCCEEDED", results: [] } }] });
    expect(await client.add({ messages: [{ role: "user", content: "dup" }], userId: user() })).toEqual({
      status: "done",
      results: [],
    });
  });
});

describe("reads and writes", () => {
  it("sends Authorization: Token and uses trailing slashes on every path", async () => {
    const userId = user();
    const id = await addDone(userId, "Speaks Portuguese");
    await client.get(id);
    await client.history(id);
    await client.update(id, { text: "Speaks Portuguese and Spanish" });
    await client.search({ query: "Portuguese", filters: { user_id: userId } });
    await client.getAll({ userId });
    await client.entities();
    await client.ping();
    await client.delete(id);
    await client.deleteAll({ userId });
    for (const req of fake.requests) {
      expect(req.headers.authorization).toBe(`Token ${PLATFORM_KEY}`);
      expect(req.path.endsWith("/")).toBe(true);
    }
  });

  it("get of an unknown memory (404 {error}) is null", async () => {
    expect(await client.get(randomUUID())).toBeNull();
  });

  it("update and delete of an unknown memory are not_found", async () => {
    expect(await asError(client.update(randomUUID(), { text: "x" }))).toMatchObject({
      kind: "not_found",
      status: 404,
      detail: "Memory not found!",
    });
    expect((await asError(client.delete(randomUUID()))).kind).toBe("not_found");
  });

  it("search maps session_id to runId and keeps the score", async () => {
    const userId = user();
    await client.add({
      messages: [{ role: "user", content: "Allergic to peanuts" }],
      userId,
      runId: "run-9",
      infer: false,
    });
    const [hit] = await client.search({ query: "peanuts", filters: { user_id: userId } });
    expect(hit).toMatchObject({ memory: "Allergic to peanuts", userId, runId: "run-9" });
    expect(typeof hit?.score).toBe("number");
  });

  it("getAll pages through count/next/previous by page number, never by the absolute next URL", async () => {
    const userId = user();
    const messages = Array.from({ length: 7 }, (_, i) => ({ role: "user", content: `fact ${i}` }));
    await client.add({ messages, userId, infer: false });
    const before = fake.requests.length;
    const all = await client.getAll({ userId, topK: 3 });
    expect(all.length).toBe(3);
    const everything = await client.getAll({ userId, topK: 1000 });
    expect(everything.map((m) => m.memory).sort()).toEqual(messages.map((m) => m.content).sort());
    const pages = fake.requests.slice(before).map((q) => [q.query.get("page"), q.query.get("page_size")]);
    expect(pages).toEqual([
      ["1", "3"],
      ["1", "200"],
    ]);
    // A small page size forces several pages; every one of them went to our own origin.
    fake.store.add(
      Array.from({ length: 250 }, (_, i) => ({ role: "user", content: `bulk ${i}` })),
      { user_id: userId },
      null,
    );
    const many = await client.getAll({ userId, topK: 1000 });
    expect(many.length).toBe(257);
    expect(
      fake.requests
        .filter((q) => q.path === "/v3/memories/")
        .slice(-2)
        .map((q) => q.query.get("page")),
    ).toEqual(["1", "2"]);
  });

  it("getAll with two ids sends an AND filter", async () => {
    await client.getAll({ userId: "u1", agentId: "a1" });
    expect(fake.requests.at(-1)?.body).toEqual({ filters: { AND: [{ user_id: "u1" }, { agent_id: "a1" }] } });
  });

  it("history rows are normalised", async () => {
    const id = await addDone(user(), "Plays chess");
    const [row] = await client.history(id);
    expect(row).toMatchObject({
      memoryId: id,
      event: "ADD",
      oldMemory: null,
      newMemory: "Plays chess",
      isDeleted: false,
    });
  });

  it("reset is refused on the platform without a request", async () => {
    const before = fake.requests.length;
    expect(await asError(client.reset())).toMatchObject({ kind: "validation", field: "reset" });
    expect(fake.requests.length).toBe(before);
  });

  it("a wrong token is an auth error", async () => {
    const c = platformClient(fake.url, { apiKey: "wrong-token-value" });
    expect(await asError(c.getAll({ userId: user() }))).toMatchObject({ kind: "auth", status: 401 });
    await c.close();
  });

  it("the platform's 400 {error, details:{message}} uses details.message as detail", async () => {
    fake.inject({
      path: "/v3/memories/search/",
      replies: [{ status: 400, body: { error: "400 Bad Request", details: { message: "top_k too large" } } }],
    });
    expect(await asError(client.search({ query: "q", filters: { user_id: "u" } }))).toMatchObject({
      kind: "validation",
      detail: "top_k too large",
    });
  });

  it("bearerToken is refused for the platform dialect", () => {
    expect(() => platformClient(fake.url, { bearerToken: "jwt" })).toThrow(/options.bearerToken/);
  });
});
