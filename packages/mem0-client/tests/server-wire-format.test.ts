/**
 * The server dialect's traps and wire format (mem0-contract §1.5): `200 null`, UUID checks before any
 * request, field-naming input errors, auth headers, bare paths, X-Request-ID both ways, normalised items.
 */
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  mem0Failure,
  SERVER_KEY,
  serverClient,
  user,
  useServerFake,
} from "../src/testing/loopback-clients.js";
import type { CallMeta } from "../src/types.js";

const t = useServerFake();
const asError = mem0Failure;

describe("traps", () => {
  it("GET /memories/{id} answering 200 null is null, not an error", async () => {
    expect(await t.client.get(randomUUID())).toBeNull();
  });

  it("ids that are not UUIDs are refused before any request", async () => {
    const before = t.fake.requests.length;
    for (const call of [
      () => t.client.get("42"),
      () => t.client.update("../reset", { text: "x" }),
      () => t.client.delete("not-a-uuid"),
      () => t.client.history(""),
    ]) {
      const e = await asError(call());
      expect(e).toMatchObject({ kind: "validation", field: "id" });
    }
    expect(t.fake.requests.length).toBe(before);
  });

  it("bad input names the field and costs no request", async () => {
    const before = t.fake.requests.length;
    expect(await asError(t.client.add({ messages: [], userId: "u" }))).toMatchObject({
      field: "add.messages",
    });
    expect(
      await asError(t.client.add({ messages: [{ role: "user", content: "x" }], userId: "a b" })),
    ).toMatchObject({ field: "add.userId" });
    expect(await asError(t.client.search({ query: "  ", filters: { user_id: "u" } }))).toMatchObject({
      field: "search.query",
    });
    expect(await asError(t.client.getAll({ userId: "u", topK: 5000 }))).toMatchObject({
      field: "getAll.topK",
    });
    expect(await asError(t.client.update(randomUUID(), {}))).toMatchObject({ field: "update" });
    expect(await asError(t.client.deleteAll({}))).toMatchObject({ field: "deleteAll" });
    expect(await asError(t.client.deleteEntity("team" as "user", "x"))).toMatchObject({
      field: "deleteEntity.type",
    });
    expect(t.fake.requests.length).toBe(before);
  });

  it("a malformed id sent anyway comes back from the server as a 502 unknown (why we validate)", async () => {
    const res = await fetch(`${t.fake.url}/memories/42`, { headers: { "x-api-key": SERVER_KEY } });
    expect(res.status).toBe(502);
    expect(((await res.json()) as { code: string }).code).toBe("unknown");
  });
});

describe("wire format", () => {
  it("sends X-API-Key, no trailing slash, and X-Request-ID; reads mem0's request id back", async () => {
    const metas: CallMeta[] = [];
    const userId = user();
    const added = await t.client.add(
      { messages: [{ role: "user", content: "hello" }], userId, infer: false },
      { requestId: "trace-123", onMeta: (m) => metas.push(m) },
    );
    expect(added.status).toBe("done");
    const req = t.fake.requests.at(-1);
    expect(req?.headers["x-api-key"]).toBe(SERVER_KEY);
    expect(req?.headers["x-request-id"]).toBe("trace-123");
    expect(req?.body).toEqual({
      messages: [{ role: "user", content: "hello" }],
      user_id: userId,
      infer: false,
    });
    expect(metas[0]?.requestId).toMatch(/^[0-9a-f]{8}$/);
    expect(metas[0]).toMatchObject({ status: 200, attempts: 1 });
  });

  it("generates a request id when none is given, and falls back to it when mem0 echoes none", async () => {
    t.fake.inject({ path: "/search", replies: [{ status: 503, raw: "" }] });
    const e = await asError(t.client.search({ query: "q", filters: { user_id: user() } }));
    const sent = t.fake.requests.at(-1)?.headers["x-request-id"];
    expect(sent).toMatch(/^[0-9a-f-]{36}$/);
    expect(e.requestId).toBe(sent);
  });

  it("every server-dialect path is bare (no trailing slash)", async () => {
    const userId = user();
    const r = await t.client.add({ messages: [{ role: "user", content: "x" }], userId, infer: false });
    const id = r.status === "done" ? (r.results[0]?.id as string) : "";
    await t.client.get(id);
    await t.client.history(id);
    await t.client.update(id, { metadata: { a: 1 } });
    await t.client.search({ query: "x", filters: { user_id: userId } });
    await t.client.entities();
    await t.client.deleteEntity("user", userId);
    await t.client.ping();
    await t.client.deleteAll({ userId });
    for (const req of t.fake.requests) expect(req.path === "/" || !req.path.endsWith("/")).toBe(true);
  });

  it("Bearer auth is sent as Authorization: Bearer and wins over a key", async () => {
    const c = serverClient(t.fake.url, { bearerToken: "jwt-access-token-abc", apiKey: "ignored-key-1234" });
    await c.getAll({ userId: user() });
    const req = t.fake.requests.at(-1);
    expect(req?.headers.authorization).toBe("Bearer jwt-access-token-abc");
    expect(req?.headers["x-api-key"]).toBeUndefined();
    await c.close();
  });

  it("normalises items: snake_case to camelCase, score only on search, metadata null when empty", async () => {
    const userId = user();
    await t.client.add({
      messages: [{ role: "user", content: "likes green tea" }],
      userId,
      agentId: "bot-1",
      infer: false,
    });
    const [hit] = await t.client.search({ query: "green tea", filters: { user_id: userId } });
    expect(hit).toMatchObject({
      memory: "likes green tea",
      userId,
      agentId: "bot-1",
      runId: null,
      metadata: null,
    });
    expect(typeof hit?.score).toBe("number");
    expect(hit?.createdAt).toMatch(/\+00:00$/);
    const [listed] = await t.client.getAll({ userId });
    expect(listed?.score).toBeUndefined();
  });
});
