/** The one fake's add log and store options, through real loopback HTTP. */
import { describe, expect, it } from "vitest";
import { startServerFake } from "./index.js";

const add = (url: string, body: unknown, apiKey = "k") =>
  fetch(`${url}/memories`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-api-key": apiKey },
    body: JSON.stringify(body),
  });

describe("startServerFake: what it received", () => {
  it("logs accepted adds with the ids it answered, and rejected ones", async () => {
    const fake = await startServerFake({ apiKey: "k" });
    const ok = await add(fake.url, {
      messages: [{ role: "user", content: "hi" }],
      user_id: "u",
      metadata: { m: 1 },
    });
    const ids = ((await ok.json()) as { results: { id: string }[] }).results.map((r) => r.id);
    expect((await add(fake.url, { messages: [{ role: "user", content: "no scope" }] })).status).toBe(400);
    expect(fake.adds()).toMatchObject([{ body: { metadata: { m: 1 } }, memoryIds: ids }]);
    expect(fake.addStats()).toMatchObject({ adds: 1, memories: 1, rejected: 1 });
    fake.clear();
    expect(fake.adds()).toEqual([]);
    expect(fake.store.memories.size).toBe(0);
    await fake.close();
  });

  it("keep: false answers adds but stores nothing; tally counts metadata values", async () => {
    const fake = await startServerFake({ keep: false, record: false, tally: ["legacy_id"] });
    for (const id of ["a", "b", "a"])
      await add(fake.url, {
        messages: [{ role: "user", content: "x" }],
        user_id: "u",
        metadata: { legacy_id: id },
      });
    expect(fake.store.memories.size).toBe(0);
    expect(fake.adds()).toEqual([]);
    expect(fake.addStats()).toMatchObject({
      adds: 3,
      distinct: { legacy_id: 2 },
      repeated: { legacy_id: 1 },
    });
    await fake.close();
  });

  it("injected faults on adds are not logged as adds", async () => {
    const fake = await startServerFake({ apiKey: "k" });
    fake.inject({
      method: "POST",
      path: "/memories",
      reply: () => ({ status: 400, body: { detail: "poison" } }),
    });
    expect((await add(fake.url, { messages: [{ role: "user", content: "x" }], user_id: "u" })).status).toBe(
      400,
    );
    expect(fake.addStats()).toMatchObject({ adds: 0, rejected: 0 });
    await fake.close();
  });
});
