/**
 * POST /memories with an outbox job key (`metadata.automatos_job`) against a real embedded mem0: a second
 * delivery of the same job, sequential or concurrent, leaves one memory and answers it with event "NONE".
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, startTestServer, type TestServer, userMessage } from "../src/testing/test-server.js";

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s?.dispose());

type Item = { id: string; memory: string; event: string; role?: string };
const results = (r: { body: unknown }) => (r.body as { results: Item[] }).results;
const user = () => `u-${randomUUID()}`;

async function add(body: Record<string, unknown>) {
  const r = await call(s, "POST", "/memories", { body });
  expect(r.status, r.text).toBe(200);
  return results(r);
}

async function stored(userId: string): Promise<{ id: string; memory: string }[]> {
  const r = await call(s, "GET", `/memories?user_id=${userId}&top_k=1000`);
  expect(r.status).toBe(200);
  return (r.body as { results: { id: string; memory: string }[] }).results;
}

describe("idempotent add by job key", () => {
  it("answers a redelivery with the stored memory (event NONE) and stores it once", async () => {
    const userId = user();
    const body = {
      messages: userMessage("I keep bees"),
      user_id: userId,
      metadata: { automatos_job: "j1", topic: "x" },
    };
    const first = await add(body);
    const second = await add(body);
    expect(first).toEqual([
      { id: expect.any(String), memory: "I keep bees", event: "ADD", actor_id: null, role: "user" },
    ]);
    expect(second).toEqual([{ ...first[0], event: "NONE" }]);
    expect((await stored(userId)).map((m) => m.id)).toEqual([first[0]?.id]);
  });

  it("stores one memory when 12 deliveries of one job arrive at once", async () => {
    const userId = user();
    const body = {
      messages: userMessage("likes green tea"),
      user_id: userId,
      metadata: { automatos_job: "j-race" },
    };
    const all = await Promise.all(Array.from({ length: 12 }, () => add(body)));
    const ids = new Set(all.map((r) => r[0]?.id));
    expect(ids.size).toBe(1);
    expect(all.filter((r) => r[0]?.event === "ADD")).toHaveLength(1);
    expect(await stored(userId)).toHaveLength(1);
  });

  it("keeps scopes apart: the same key under other ids is another memory, never the first one", async () => {
    const [a, b] = [user(), user()];
    const meta = { automatos_job: "j-shared" };
    const inA = await add({ messages: userMessage("alpha"), user_id: a, metadata: meta });
    const inB = await add({ messages: userMessage("alpha"), user_id: b, metadata: meta });
    const inAWithAgent = await add({
      messages: userMessage("alpha"),
      user_id: a,
      agent_id: "ag",
      metadata: meta,
    });
    expect(inB[0]?.event).toBe("ADD");
    expect(inAWithAgent[0]?.event).toBe("ADD");
    expect(new Set([inA[0]?.id, inB[0]?.id, inAWithAgent[0]?.id]).size).toBe(3);
  });

  it("completes a half-stored multi-message job instead of repeating it", async () => {
    const userId = user();
    const body = {
      messages: [
        { role: "system", content: "be brief" },
        { role: "user", content: "I moved to Lyon" },
        { role: "assistant", content: "Noted, Lyon" },
      ],
      user_id: userId,
      metadata: { automatos_job: "j-multi" },
    };
    const first = await add(body);
    expect(first.map((r) => r.event)).toEqual(["ADD", "ADD"]);
    // As if the engine had died after storing the first message only: the second memory is gone.
    expect((await call(s, "DELETE", `/memories/${first[1]?.id}`)).status).toBe(200);
    const again = await add(body);
    expect(again.map((r) => [r.memory, r.event, r.role])).toEqual([
      ["I moved to Lyon", "NONE", "user"],
      ["Noted, Lyon", "ADD", "assistant"],
    ]);
    expect(again[0]?.id).toBe(first[0]?.id);
    expect(await stored(userId)).toHaveLength(2);
  });

  it("leaves adds without a key as they were (two adds, two memories)", async () => {
    const userId = user();
    const body = { messages: userMessage("no key"), user_id: userId };
    await add(body);
    await add(body);
    expect(await stored(userId)).toHaveLength(2);
  });

  it("refuses a malformed key or a client-sent part with a 400 naming the field", async () => {
    for (const metadata of [
      { automatos_job: 5 },
      { automatos_job: "" },
      { automatos_job: "k", automatos_job_part: 0 },
    ]) {
      const r = await call(s, "POST", "/memories", {
        body: { messages: userMessage("x"), user_id: user(), metadata },
      });
      expect(r.status).toBe(400);
      expect(r.text).toMatch(/metadata\.automatos_job/);
    }
  });

  it("is still idempotent after POST /reset (the indexes come back with the new table)", async () => {
    expect((await call(s, "POST", "/reset")).status).toBe(200);
    const userId = user();
    const body = {
      messages: userMessage("after reset"),
      user_id: userId,
      metadata: { automatos_job: "j-reset" },
    };
    const all = await Promise.all([add(body), add(body)]);
    expect(new Set(all.map((r) => r[0]?.id)).size).toBe(1);
    expect(await stored(userId)).toHaveLength(1);
  });
});
