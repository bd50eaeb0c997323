/**
 * The REST contract endpoint by endpoint (docs/mem0-contract.md §1.4-1.7), raw HTTP against a real embedded mem0.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_EMBEDDER_ID, MINILM_DIMENSIONS } from "../src/embedder/minilm/identity.js";
import { call, startTestServer, type TestServer, userMessage } from "../src/testing/test-server.js";

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer({ maxBodyBytes: 64 * 1024 });
});
afterAll(() => s?.dispose());

const user = () => `u-${randomUUID()}`;
type Item = Record<string, unknown>;
const results = (r: { body: unknown }) => (r.body as { results: Item[] }).results;

async function addOne(userId: string, content: string, extra: Record<string, unknown> = {}): Promise<Item> {
  const r = await call(s, "POST", "/memories", {
    body: { messages: userMessage(content), user_id: userId, ...extra },
  });
  expect(r.status).toBe(200);
  return results(r)[0] as Item;
}

describe("POST /memories", () => {
  it("stores non-system messages verbatim, in the Python server's infer=false shape, and says inference is off", async () => {
    const r = await call(s, "POST", "/memories", {
      body: {
        messages: [
          { role: "system", content: "be nice" },
          { role: "user", content: "I keep bees" },
          { role: "assistant", content: "Noted" },
        ],
        user_id: user(),
        rerank: true, // unknown fields are ignored, as Pydantic does
      },
    });
    expect(r.status).toBe(200);
    expect((r.body as Item).inference).toBe("off");
    expect(results(r).map(({ id: _id, ...rest }) => rest)).toEqual([
      { memory: "I keep bees", event: "ADD", actor_id: null, role: "user" },
      { memory: "Noted", event: "ADD", actor_id: null, role: "assistant" },
    ]);
  });

  it.each([
    [{ messages: userMessage("x") }, 400, "At least one identifier (user_id, agent_id, run_id) is required."],
    [
      { messages: userMessage("x"), user_id: "" },
      400,
      "At least one identifier (user_id, agent_id, run_id) is required.",
    ],
    [
      { messages: userMessage("x"), user_id: "a b" },
      400,
      "Invalid userId: cannot contain whitespace. Provide a valid identifier without spaces.",
    ],
    [{ messages: userMessage("  "), user_id: "a" }, 400, expect.stringMatching(/only blank content/)],
    [
      { messages: userMessage("x"), user_id: "a", memory_type: "core" },
      400,
      expect.stringMatching(/Invalid memory_type 'core'/),
    ],
    [
      { messages: userMessage("x"), user_id: "a", memory_type: "procedural_memory" },
      400,
      expect.stringMatching(/not supported/),
    ],
    [
      { messages: userMessage("x"), user_id: "a", expiration_date: "2026-02-30" },
      400,
      expect.stringMatching(/YYYY-MM-DD/),
    ],
  ])("rejects %j with %i", async (body, status, detail) => {
    const r = await call(s, "POST", "/memories", { body });
    expect(r.status).toBe(status);
    expect(r.body).toEqual({ detail });
  });

  it.each([
    [
      { messages: [{ role: "user", content: 5 }], user_id: "a" },
      "string_type",
      ["body", "messages", 0, "content"],
      5,
    ],
    [{ messages: "hello", user_id: "a" }, "list_type", ["body", "messages"], "hello"],
    [{ messages: ["hello"], user_id: "a" }, "model_type", ["body", "messages", 0], "hello"],
    [{ messages: userMessage("x"), user_id: 7 }, "string_type", ["body", "user_id"], 7],
    [{ messages: userMessage("x"), user_id: "a", metadata: [1] }, "dict_type", ["body", "metadata"], [1]],
    [
      { messages: userMessage("x"), user_id: "a", infer: "maybe" },
      "bool_parsing",
      ["body", "infer"],
      "maybe",
    ],
    [{ user_id: "a" }, "missing", ["body", "messages"], { user_id: "a" }],
    [[1, 2], "model_attributes_type", ["body"], [1, 2]],
  ])("answers FastAPI's 422 for %j", async (body, type, loc, input) => {
    const r = await call(s, "POST", "/memories", { body });
    expect(r.status).toBe(422);
    expect((r.body as { detail: Item[] }).detail[0]).toMatchObject({ type, loc, input });
  });

  it("answers 422 for invalid JSON and a missing body, never a crash", async () => {
    const bad = await call(s, "POST", "/memories", { body: "{not json" });
    expect(bad.status).toBe(422);
    expect((bad.body as { detail: Item[] }).detail[0]).toMatchObject({
      type: "json_invalid",
      msg: "JSON decode error",
    });
    const none = await call(s, "POST", "/memories");
    expect(none.body).toEqual({
      detail: [{ type: "missing", loc: ["body"], msg: "Field required", input: null }],
    });
  });

  it("refuses a body over the size limit with 413", async () => {
    const r = await call(s, "POST", "/memories", {
      body: { messages: userMessage("x".repeat(70 * 1024)), user_id: "a" },
    });
    expect(r.status).toBe(413);
    expect((r.body as Item).detail).toMatch(/larger than/);
  });

  it("accepts and ignores `prompt` when inference is off (Python ignores it for infer=false too)", async () => {
    const r = await call(s, "POST", "/memories", {
      body: { messages: userMessage("x"), user_id: user(), prompt: "p" },
    });
    expect(r.status).toBe(200);
  });
});

describe("GET /memories/{id}", () => {
  it("returns MemoryGetItem in snake_case with score null and promoted keys out of metadata", async () => {
    const u = user();
    const added = await addOne(u, "Prefers window seats", { metadata: { source: "chat" } });
    const r = await call(s, "GET", `/memories/${added.id}`);
    expect(r.status).toBe(200);
    const item = r.body as Item;
    expect(Object.keys(item)).toEqual([
      "id",
      "memory",
      "hash",
      "metadata",
      "score",
      "created_at",
      "updated_at",
      "user_id",
      "role",
    ]);
    expect(item).toMatchObject({
      id: added.id,
      memory: "Prefers window seats",
      metadata: { source: "chat" },
      score: null,
      user_id: u,
    });
    expect(item.hash).toMatch(/^[0-9a-f]{32}$/);
  });

  it("answers 200 null for an unknown UUID", async () => {
    const r = await call(s, "GET", `/memories/${randomUUID()}`);
    expect([r.status, r.text]).toEqual([200, "null"]);
  });

  it("answers 502 {detail, code, request_id} + X-Request-ID for a malformed id (the UUID column rejects it)", async () => {
    const r = await call(s, "GET", "/memories/not-a-uuid");
    expect(r.status).toBe(502);
    const body = r.body as Item;
    expect(body.code).toBe("unknown");
    expect(body.request_id).toBe(r.headers["x-request-id"]);
    expect(body.request_id).toMatch(/^[0-9a-f]{8}$/);
  });
});

describe("GET /memories (scoped list)", () => {
  it("defaults top_k to 20, honours top_k, has no score key, and validates top_k", async () => {
    const u = user();
    for (let i = 0; i < 22; i++) await addOne(u, `fact number ${i}`);
    expect(results(await call(s, "GET", `/memories?user_id=${u}`))).toHaveLength(20);
    const three = results(await call(s, "GET", `/memories?user_id=${u}&top_k=3`));
    expect(three).toHaveLength(3);
    expect(three.every((m) => !("score" in m) && m.user_id === u)).toBe(true);
    expect(results(await call(s, "GET", `/memories?user_id=${u}&top_k=0`))).toEqual([]);
    const over = await call(s, "GET", `/memories?user_id=${u}&top_k=1001`);
    expect([over.status, (over.body as { detail: Item[] }).detail[0]?.type]).toEqual([
      422,
      "less_than_equal",
    ]);
    const nan = await call(s, "GET", `/memories?user_id=${u}&top_k=abc`);
    expect([nan.status, (nan.body as { detail: Item[] }).detail[0]?.type]).toEqual([422, "int_parsing"]);
  });

  it("hides expired memories unless show_expired, while get by id still returns them", async () => {
    const u = user();
    const old = await addOne(u, "old news", { expiration_date: "2000-01-01" });
    await addOne(u, "fresh news");
    expect(results(await call(s, "GET", `/memories?user_id=${u}`)).map((m) => m.memory)).toEqual([
      "fresh news",
    ]);
    expect(results(await call(s, "GET", `/memories?user_id=${u}&show_expired=true`))).toHaveLength(2);
    expect((await call(s, "GET", `/memories/${old.id}`)).body).toMatchObject({
      expiration_date: "2000-01-01",
    });
  });
});

describe("POST /search", () => {
  it("returns SearchItems with a fused score and snake_case score_details when explain is set", async () => {
    const u = user();
    const added = await addOne(u, "The spare key is under the blue flowerpot", {
      metadata: { topic: "home" },
    });
    const r = await call(s, "POST", "/search", {
      body: { query: "where is the spare key", filters: { user_id: u }, top_k: 5, explain: true },
    });
    expect(r.status).toBe(200);
    const hit = results(r)[0] as Item;
    expect(hit.id).toBe(added.id);
    expect(typeof hit.score).toBe("number");
    expect(Object.keys(hit.score_details as Item).sort()).toEqual(
      [
        "bm25_score",
        "entity_boost",
        "final_score",
        "max_possible_score",
        "raw_score",
        "semantic_score",
        "threshold",
      ].sort(),
    );
    const filtered = await call(s, "POST", "/search", {
      body: { query: "spare key", filters: { user_id: u, topic: "work" } },
    });
    expect(results(filtered)).toEqual([]);
  });

  it("sees what is added, changed and deleted after its scope's vectors were cached", async () => {
    const u = user();
    const other = user();
    await addOne(u, "Plays the cello on Fridays");
    await addOne(other, "Owns a golden retriever called Max");
    const search = async (query: string) =>
      results(await call(s, "POST", "/search", { body: { query, filters: { user_id: u }, top_k: 5 } }));
    expect((await search("musical instrument"))[0]?.memory).toBe("Plays the cello on Fridays"); // loads u's scope
    const dog = await addOne(u, "Owns a golden retriever called Rex");
    expect((await search("what dog does she have")).map((m) => m.id)).toEqual([dog.id]);
    await call(s, "PUT", `/memories/${dog.id}`, { body: { text: "Grows tomatoes in the back garden" } });
    const garden = await search("vegetable gardening");
    expect(garden[0]).toMatchObject({ id: dog.id, memory: "Grows tomatoes in the back garden" });
    await call(s, "DELETE", `/memories/${dog.id}`);
    expect((await search("vegetable gardening")).map((m) => m.id)).not.toContain(dog.id);
    expect((await search("what dog does she have")).map((m) => m.id)).not.toContain(dog.id);
  });

  it("runs concurrent searches each with its own query and threshold (they travel with the query vector)", async () => {
    const u = user();
    const notes = [
      "Keeps the boat registration papers in the red folder",
      "Her locker combination at the gym is written on the fridge",
      "The neighbour's cat is called Biscuit",
    ];
    const ids = [];
    for (const n of notes) ids.push((await addOne(u, n)).id);
    const search = async (query: string, threshold: number) =>
      results(
        await call(s, "POST", "/search", { body: { query, filters: { user_id: u }, top_k: 3, threshold } }),
      ).map((m) => m.id);
    const [boat, locker, cat, strict, loose] = await Promise.all([
      search("registration", 0.1),
      search("combination", 0.1),
      search("Biscuit", 0.1),
      search("what should I cook tonight", 0.9),
      search("what should I cook tonight", 0),
    ]);
    expect([boat?.[0], locker?.[0], cat?.[0]]).toEqual(ids);
    expect(strict).toEqual([]);
    expect(loose).toHaveLength(3);
  });

  it("merges the deprecated top-level ids into filters", async () => {
    const u = user();
    const added = await addOne(u, "Plays the cello on Fridays");
    const r = await call(s, "POST", "/search", { body: { query: "cello", user_id: u } });
    expect(results(r).map((m) => m.id)).toEqual([added.id]);
  });

  it.each([
    [{ query: "x", filters: {} }, "filters must contain at least one of: user_id, agent_id, run_id."],
    [{ query: "   ", filters: { user_id: "a" } }, "Query cannot be empty."],
    [
      { query: "x", filters: { user_id: "a" }, threshold: 2 },
      "Invalid threshold: 2. Must be between 0 and 1 (inclusive).",
    ],
    [
      { query: "x", filters: { user_id: "a" }, top_k: -1 },
      "Invalid topK: -1. Must be a non-negative integer.",
    ],
    [{ query: "x", filters: { user_id: "a", "bad key": 1 } }, expect.stringMatching(/Invalid filter key/)],
  ])("answers 400 for %j", async (body, detail) => {
    const r = await call(s, "POST", "/search", { body });
    expect([r.status, r.body]).toEqual([400, { detail }]);
  });
});

describe("PUT, DELETE and history of /memories/{id}", () => {
  it("updates text and metadata, records history oldest first, and clears the expiration date with null", async () => {
    const u = user();
    const added = await addOne(u, "Lives in Lyon", { expiration_date: "2099-01-01" });
    expect(
      (
        await call(s, "PUT", `/memories/${added.id}`, {
          body: { text: "Lives in Lisbon", metadata: { k: 1 } },
        })
      ).body,
    ).toEqual({
      message: "Memory updated successfully!",
    });
    await call(s, "PUT", `/memories/${added.id}`, { body: { expiration_date: null } });
    const got = (await call(s, "GET", `/memories/${added.id}`)).body as Item;
    expect(got).toMatchObject({ memory: "Lives in Lisbon", metadata: { k: 1 }, expiration_date: null });
    expect(got.updated_at).toEqual(expect.any(String));
    expect((await call(s, "DELETE", `/memories/${added.id}`)).body).toEqual({
      message: "Memory deleted successfully",
    });
    const history = (await call(s, "GET", `/memories/${added.id}/history`)).body as Item[];
    expect(history.map((h) => h.event)).toEqual(["ADD", "UPDATE", "UPDATE", "DELETE"]);
    expect(history[1]).toMatchObject({
      old_memory: "Lives in Lyon",
      new_memory: "Lives in Lisbon",
      is_deleted: false,
    });
    expect(history[3]).toMatchObject({
      new_memory: null,
      is_deleted: true,
      created_at: history[0]?.created_at,
    });
  });

  it("answers the Python server's 400 and 404 bodies", async () => {
    const id = randomUUID();
    const added = await addOne(user(), "anything");
    expect((await call(s, "PUT", `/memories/${added.id}`, { body: {} })).body).toEqual({
      detail: "At least one of text, metadata, or expiration_date must be provided.",
    });
    const put = await call(s, "PUT", `/memories/${id}`, { body: { text: "x" } });
    expect([put.status, put.body]).toEqual([
      404,
      { detail: `Memory with id ${id} not found. Please provide a valid 'memory_id'` },
    ]);
    const del = await call(s, "DELETE", `/memories/${id}`);
    expect([del.status, del.body]).toEqual([404, { detail: `Memory with id ${id} not found` }]);
    expect((await call(s, "GET", `/memories/${id}/history`)).body).toEqual([]);
  });
});

describe("DELETE /memories, entities, reset", () => {
  it("deletes a scope, needs an id, and lists and deletes entities", async () => {
    const [a, b] = [user(), user()];
    await addOne(a, "a1");
    await addOne(a, "a2");
    await addOne(b, "b1");
    const entities = (await call(s, "GET", "/entities")).body as Item[];
    expect(entities.find((e) => e.id === a)).toMatchObject({ type: "user", total_memories: 2 });
    expect((await call(s, "DELETE", "/memories")).body).toEqual({
      detail: "At least one identifier is required.",
    });
    expect((await call(s, "DELETE", `/memories?user_id=${a}`)).body).toEqual({
      message: "All relevant memories deleted",
    });
    expect(results(await call(s, "GET", `/memories?user_id=${a}`))).toEqual([]);
    expect((await call(s, "DELETE", `/entities/user/${b}`)).body).toEqual({ message: "Entity deleted" });
    expect(results(await call(s, "GET", `/memories?user_id=${b}`))).toEqual([]);
    const bogus = await call(s, "DELETE", "/entities/team/x");
    expect([bogus.status, (bogus.body as { detail: Item[] }).detail[0]?.type]).toEqual([422, "enum"]);
  });
});

describe("routing and auth", () => {
  it("answers 404 for unknown paths and trailing slashes, 405 for a wrong method", async () => {
    expect((await call(s, "GET", "/nope")).body).toEqual({ detail: "Not Found" });
    expect((await call(s, "GET", "/memories/?user_id=a")).status).toBe(404);
    const r = await call(s, "PATCH", "/memories");
    expect([r.status, r.body]).toEqual([405, { detail: "Method Not Allowed" }]);
  });

  it("needs a valid X-API-Key; a Bearer token is never valid here", async () => {
    const none = await call(s, "GET", "/memories?user_id=a", { apiKey: null });
    expect([none.status, none.body, none.headers["www-authenticate"]]).toEqual([
      401,
      { detail: "Authentication required. Provide a Bearer token or X-API-Key header." },
      "Bearer",
    ]);
    expect((await call(s, "GET", "/memories?user_id=a", { apiKey: "wrong-key-wrong-key" })).body).toEqual({
      detail: "Invalid API key.",
    });
    const bearer = await call(s, "GET", "/memories?user_id=a", {
      headers: { authorization: "Bearer x.y.z" },
    });
    expect([bearer.status, bearer.body]).toEqual([401, { detail: "Invalid or expired token." }]);
  });

  it("serves liveness without auth and an info endpoint with auth", async () => {
    expect((await call(s, "GET", "/auth/setup-status", { apiKey: null })).body).toEqual({
      needsSetup: false,
    });
    expect((await call(s, "GET", "/embedded/info", { apiKey: null })).status).toBe(401);
    const info = (await call(s, "GET", "/embedded/info")).body as Item;
    expect(info).toMatchObject({
      inference: "off",
      embedder: { name: DEFAULT_EMBEDDER_ID, dimensions: MINILM_DIMENSIONS },
      llm: null,
    });
  });

  it("stores a message it has just searched with the search's vector, counted in /embedded/info", async () => {
    const u = user();
    const message = `I started learning the cello this autumn (${u})`;
    // A scope with a memory: an empty one's search runs no model at all (tests/search-embeddings.test.ts).
    await addOne(u, `I live near the harbour (${u})`);
    const cacheOf = async () =>
      ((await call(s, "GET", "/embedded/info")).body as { embedding_cache: { hits: number; misses: number } })
        .embedding_cache;
    const before = await cacheOf();
    await call(s, "POST", "/search", { body: { query: message, filters: { user_id: u } } });
    const stored = await addOne(u, message);
    const after = await cacheOf();
    expect(after.hits - before.hits).toBe(1);
    expect(after.misses - before.misses).toBe(1);
    // The stored vector is the message's own: searching the message finds it at cosine ~1.
    const hits = results(
      await call(s, "POST", "/search", { body: { query: message, filters: { user_id: u } } }),
    );
    expect(hits[0]?.id).toBe(stored.id);
    expect(hits[0]?.score).toBeGreaterThan(0.99);
  });
});

describe("POST /reset", () => {
  it("wipes every memory, and the server keeps working afterwards", async () => {
    const u = user();
    await addOne(u, "before reset");
    expect((await call(s, "POST", "/reset")).body).toEqual({ message: "All memories reset" });
    expect(((await call(s, "GET", "/embedded/info")).body as Item).memories).toBe(0);
    const after = await addOne(u, "after reset");
    const hits = results(
      await call(s, "POST", "/search", { body: { query: "after reset", filters: { user_id: u } } }),
    );
    expect(hits.map((h) => h.id)).toEqual([after.id]);
  });
});
