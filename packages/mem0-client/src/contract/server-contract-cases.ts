/**
 * The server-dialect contract as a table of cases. Each case states one behaviour the self-hosted mem0 server
 * guarantees (mem0-contract §1) and that this client relies on, and checks it through the client (and raw
 * HTTP where the client would hide it). Assertions use node:assert so the table runs under any runner.
 * Nothing here depends on inference: every add uses `infer: false`.
 */
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { isMem0Error } from "../errors.js";
import { isUuid } from "../ids.js";
import type { Mem0Client } from "../types.js";
import type { ContractContext } from "./contract-context.js";

export interface ContractCase {
  name: string;
  run(ctx: ContractContext): Promise<void>;
}

async function addOne(
  client: Mem0Client,
  userId: string,
  content: string,
  metadata?: Record<string, unknown>,
) {
  const r = await client.add({ messages: [{ role: "user", content }], userId, metadata, infer: false });
  assert.equal(r.status, "done");
  if (r.status !== "done") throw new Error("unreachable");
  assert.equal(r.results.length, 1);
  return r.results[0] as { id: string; memory: string; event: string };
}

async function rejectsWith(p: Promise<unknown>, kind: string, status?: number) {
  await assert.rejects(p, (e: unknown) => {
    assert.ok(isMem0Error(e), `expected a Mem0Error, got ${String(e)}`);
    assert.equal(e.kind, kind, `kind (message: ${e.message})`);
    if (status !== undefined) assert.equal(e.status, status);
    return true;
  });
}

export const serverContractCases: ContractCase[] = [
  {
    name: "add with infer:false stores each non-system message verbatim and answers ADD events with UUID ids",
    async run({ client, freshUser }) {
      const userId = freshUser();
      const r = await client.add({
        messages: [
          { role: "user", content: "I keep bees on the roof" },
          { role: "assistant", content: "Noted: rooftop beekeeping" },
        ],
        userId,
        infer: false,
      });
      assert.equal(r.status, "done");
      if (r.status !== "done") return;
      assert.deepEqual(r.results.map((x) => x.memory).sort(), [
        "I keep bees on the roof",
        "Noted: rooftop beekeeping",
      ]);
      for (const x of r.results) {
        assert.ok(isUuid(x.id), `id ${x.id} is a UUID`);
        assert.equal(x.event, "ADD");
      }
    },
  },
  {
    name: "get returns the stored memory with its scope and metadata",
    async run({ client, freshUser }) {
      const userId = freshUser();
      const added = await addOne(client, userId, "Prefers window seats", { source: "contract" });
      const m = await client.get(added.id);
      assert.ok(m, "memory found");
      assert.equal(m.id, added.id);
      assert.equal(m.memory, "Prefers window seats");
      assert.equal(m.userId, userId);
      assert.equal(m.agentId, null);
      assert.equal(m.metadata?.source, "contract");
      assert.equal(m.score, undefined, "a get has no search score");
    },
  },
  {
    name: "get of an unknown UUID is null (the server answers 200 null)",
    async run({ client }) {
      assert.equal(await client.get(randomUUID()), null);
    },
  },
  {
    name: "getAll returns exactly the memories of the given user, not another user's",
    async run({ client, freshUser }) {
      const alice = freshUser();
      const bob = freshUser();
      const a1 = await addOne(client, alice, "Alice likes green tea");
      const a2 = await addOne(client, alice, "Alice runs on Sundays");
      await addOne(client, bob, "Bob likes black coffee");
      const list = await client.getAll({ userId: alice, topK: 100 });
      assert.deepEqual(list.map((m) => m.id).sort(), [a1.id, a2.id].sort());
      assert.ok(list.every((m) => m.userId === alice));
    },
  },
  {
    name: "getAll honours topK",
    async run({ client, freshUser }) {
      const userId = freshUser();
      for (const t of ["one fact", "two facts", "three facts"]) await addOne(client, userId, t);
      assert.equal((await client.getAll({ userId, topK: 2 })).length, 2);
    },
  },
  {
    name: "search finds a memory by its own text inside the scope, with a numeric score, and nothing outside it",
    async run({ client, freshUser }) {
      const userId = freshUser();
      const other = freshUser();
      const mine = await addOne(client, userId, "The spare key is under the blue flowerpot");
      const theirs = await addOne(client, other, "The spare key is under the blue flowerpot");
      const hits = await client.search({
        query: "The spare key is under the blue flowerpot",
        filters: { user_id: userId },
        topK: 5,
        threshold: 0,
      });
      const hit = hits.find((h) => h.id === mine.id);
      assert.ok(hit, "own memory found");
      assert.equal(typeof hit.score, "number");
      assert.ok(!hits.some((h) => h.id === theirs.id), "no memory of another user");
    },
  },
  {
    name: "search without an entity id in filters is a 400 validation error",
    async run({ client }) {
      await rejectsWith(client.search({ query: "anything", filters: {} }), "validation", 400);
    },
  },
  {
    name: "add without any entity id is a 400 validation error",
    async run({ client }) {
      await rejectsWith(
        client.add({ messages: [{ role: "user", content: "orphan" }], infer: false }),
        "validation",
        400,
      );
    },
  },
  {
    name: "update changes the text, and history records ADD then UPDATE",
    async run({ client, freshUser }) {
      const userId = freshUser();
      const added = await addOne(client, userId, "Lives in Lyon");
      await client.update(added.id, { text: "Lives in Lisbon" });
      assert.equal((await client.get(added.id))?.memory, "Lives in Lisbon");
      const h = await client.history(added.id);
      assert.deepEqual(
        h.map((e) => e.event),
        ["ADD", "UPDATE"],
      );
      assert.ok(h.every((e) => e.memoryId === added.id));
      assert.equal(h[1]?.oldMemory, "Lives in Lyon");
      assert.equal(h[1]?.newMemory, "Lives in Lisbon");
    },
  },
  {
    name: "update of an unknown UUID is a 404 not_found",
    async run({ client }) {
      await rejectsWith(client.update(randomUUID(), { text: "x" }), "not_found", 404);
    },
  },
  {
    name: "delete removes the memory (get is null after), a second delete is a 404 not_found, history keeps the rows",
    async run({ client, freshUser }) {
      const userId = freshUser();
      const added = await addOne(client, userId, "Owns a red bicycle");
      await client.delete(added.id);
      assert.equal(await client.get(added.id), null);
      await rejectsWith(client.delete(added.id), "not_found", 404);
      const events = (await client.history(added.id)).map((e) => e.event);
      assert.equal(events[0], "ADD");
      assert.equal(events.at(-1), "DELETE");
    },
  },
  {
    name: "history of an unknown UUID is an empty list",
    async run({ client }) {
      assert.deepEqual(await client.history(randomUUID()), []);
    },
  },
  {
    name: "deleteAll removes every memory of the user and nothing of another user",
    async run({ client, freshUser }) {
      const userId = freshUser();
      const other = freshUser();
      await addOne(client, userId, "first");
      await addOne(client, userId, "second");
      const kept = await addOne(client, other, "kept");
      await client.deleteAll({ userId });
      assert.deepEqual(await client.getAll({ userId }), []);
      assert.equal((await client.get(kept.id))?.memory, "kept");
    },
  },
  {
    name: "a trailing slash is a 404 (redirect_slashes=False)",
    async run({ raw, freshUser }) {
      const r = await raw("GET", `/memories/?user_id=${freshUser()}`);
      assert.equal(r.status, 404);
    },
  },
  {
    name: "answers carry an X-Request-ID header",
    async run({ raw, freshUser }) {
      const r = await raw("GET", `/memories?user_id=${freshUser()}`);
      assert.equal(r.status, 200);
      assert.ok(r.headers["x-request-id"], "x-request-id present");
    },
  },
  {
    name: "no credentials is a 401",
    async run({ raw, freshUser }) {
      const r = await raw("GET", `/memories?user_id=${freshUser()}`, { apiKey: null });
      assert.equal(r.status, 401);
    },
  },
  {
    name: "a wrong API key is a 401 auth error that does not repeat the key",
    async run({ clientWithKey, freshUser }) {
      const wrongKey = `wrong-${randomUUID()}`;
      const c = clientWithKey(wrongKey);
      await assert.rejects(c.getAll({ userId: freshUser() }), (e: unknown) => {
        assert.ok(isMem0Error(e));
        assert.equal(e.kind, "auth");
        assert.equal(e.status, 401);
        assert.ok(
          !JSON.stringify(e).includes(wrongKey) && !String(e.stack).includes(wrongKey),
          "key not echoed",
        );
        return true;
      });
    },
  },
];
