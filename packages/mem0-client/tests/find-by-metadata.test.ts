/**
 * findByMetadata over loopback: the outbox's "did my add land?" check, as a filtered search on the server
 * dialect, and "cannot tell" (null) on the platform dialect.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  mem0Failure,
  PLATFORM_KEY,
  type PlatformFake,
  platformClient,
  type ServerFake,
  serverClient,
  startPlatformFake,
  startServerFake,
  user,
} from "../src/testing/loopback-clients.js";
import type { Mem0Client } from "../src/types.js";

let fake: ServerFake;
let client: Mem0Client;
beforeAll(async () => {
  fake = await startServerFake({ apiKey: "srv-admin-key-7f3a9c1e5b2d4a6f" });
  client = serverClient(fake.url);
});
afterAll(async () => {
  await client?.close();
  await fake?.close();
});

const msg = (content: string) => [{ role: "user", content }];

describe("findByMetadata (server dialect)", () => {
  it("finds exactly the scope's memories carrying the marker", async () => {
    const [u, other] = [user(), user()];
    const marked = await client.add({
      messages: msg("I keep bees"),
      userId: u,
      metadata: { automatos_job: "j1" },
      infer: false,
    });
    await client.add({
      messages: msg("I keep bees"),
      userId: u,
      metadata: { automatos_job: "j2" },
      infer: false,
    });
    await client.add({ messages: msg("I keep bees"), userId: u, infer: false });
    await client.add({
      messages: msg("I keep bees"),
      userId: other,
      metadata: { automatos_job: "j1" },
      infer: false,
    });
    const found = await client.findByMetadata({
      userId: u,
      metadata: { automatos_job: "j1" },
      query: "I keep bees",
    });
    expect(marked.status).toBe("done");
    expect(found?.map((m) => m.id)).toEqual(marked.status === "done" ? marked.results.map((r) => r.id) : []);
    expect(
      await client.findByMetadata({ userId: u, metadata: { automatos_job: "j9" }, query: "I keep bees" }),
    ).toEqual([]);
    // On the wire: one POST /search, metadata in the filters next to the ids, threshold 0.
    const search = fake.requests.filter((r) => r.path === "/search").at(-1);
    expect(search?.body).toMatchObject({
      filters: { user_id: u, automatos_job: "j9" },
      threshold: 0,
      top_k: 100,
    });
  });

  it("refuses bad input naming the field, without a request", async () => {
    const before = fake.requests.length;
    const cases: [Parameters<Mem0Client["findByMetadata"]>[0], RegExp][] = [
      [{ metadata: { automatos_job: "j" }, query: "x" }, /findByMetadata/],
      [{ userId: "u", metadata: {}, query: "x" }, /findByMetadata\.metadata/],
      [{ userId: "u", metadata: { "a b": "j" }, query: "x" }, /findByMetadata\.metadata/],
      [{ userId: "u", metadata: { automatos_job: "j" }, query: " " }, /findByMetadata\.query/],
    ];
    for (const [req, field] of cases) {
      const err = await mem0Failure(client.findByMetadata(req));
      expect(err.kind).toBe("validation");
      expect(err.field ?? err.message).toMatch(field);
    }
    expect(fake.requests.length).toBe(before);
  });
});

describe("findByMetadata (platform dialect)", () => {
  let platform: PlatformFake;
  let pc: Mem0Client;
  beforeAll(async () => {
    platform = await startPlatformFake({ apiKey: PLATFORM_KEY });
    pc = platformClient(platform.url);
  });
  afterAll(async () => {
    await pc?.close();
    await platform?.close();
  });

  it("answers null (cannot tell) and sends nothing", async () => {
    const before = platform.requests.length;
    expect(
      await pc.findByMetadata({ userId: user(), metadata: { automatos_job: "j" }, query: "x" }),
    ).toBeNull();
    expect(platform.requests.length).toBe(before);
  });
});
