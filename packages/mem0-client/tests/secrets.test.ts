/**
 * No secret in any error or log line: mem0 (or a proxy) echoing the API key or token back in an error body
 * must not carry it into Mem0Error.message/detail/code/stack/JSON, nor into what the logger receives.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createMem0Client } from "../src/client.js";
import { isMem0Error } from "../src/errors.js";
import {
  capturingLogger,
  failure,
  mem0Failure,
  PLATFORM_KEY,
  platformClient,
  SERVER_KEY,
  type ServerFake,
  serverClient,
  startServerFake,
} from "../src/testing/loopback-clients.js";
import type { Mem0Client } from "../src/types.js";

let fake: ServerFake;
beforeAll(async () => {
  fake = await startServerFake({ apiKey: SERVER_KEY });
});
afterEach(() => fake.clearFaults());
afterAll(() => fake.close());

function expectClean(e: unknown, secret: string) {
  expect(isMem0Error(e)).toBe(true);
  const err = e as Error;
  const surfaces = [
    err.message,
    String(err.stack),
    JSON.stringify(err),
    String(err),
    JSON.stringify({ ...err }),
  ];
  for (const s of surfaces) expect(s).not.toContain(secret);
}

const echoes = (secret: string) => [
  { status: 401, body: { detail: `Invalid API key: ${secret}` } },
  {
    status: 502,
    body: { detail: `provider said ${secret}`, code: `code-${secret}`, request_id: "abcdef01" },
  },
  { status: 422, body: { detail: [{ loc: ["header", secret], msg: `bad ${secret}`, input: secret }] } },
  { status: 500, raw: `Traceback: key=${secret}` },
  { status: 429, body: { error: `limit for ${secret}` } },
  { status: 200, raw: `not json ${secret}` },
];

async function everyEchoIsScrubbed(client: Mem0Client, secret: string, path: string) {
  for (const reply of echoes(secret)) {
    fake.inject({ path, replies: [reply] });
    const e = await failure(client.getAll({ userId: "u-1" }));
    expectClean(e, secret);
    fake.clearFaults();
  }
}

describe("secrets never leave the client", () => {
  it("an echoed X-API-Key is scrubbed from every error shape", async () => {
    const client = serverClient(fake.url, { retry: { maxAttempts: 1 } });
    await everyEchoIsScrubbed(client, SERVER_KEY, "/memories");
    // The scrubbed detail is still useful.
    fake.inject({
      path: "/memories",
      replies: [{ status: 401, body: { detail: `Invalid API key: ${SERVER_KEY}` } }],
    });
    const e = await failure(client.getAll({ userId: "u-1" }));
    expect((e as { detail: string }).detail).toBe("Invalid API key: [redacted]");
    await client.close();
  });

  it("an echoed Bearer token is scrubbed", async () => {
    const token = "eyJhbGciOiJIUzI1NiJ9.payload.signature";
    const client = serverClient(fake.url, { bearerToken: token, retry: { maxAttempts: 1 } });
    await everyEchoIsScrubbed(client, token, "/memories");
    await client.close();
  });

  it("an echoed platform Token is scrubbed", async () => {
    const client = platformClient(fake.url, { retry: { maxAttempts: 1 } });
    for (const reply of echoes(PLATFORM_KEY)) {
      fake.inject({ path: "/v3/memories/", replies: [reply] });
      expectClean(await failure(client.getAll({ userId: "u-1" })), PLATFORM_KEY);
      fake.clearFaults();
    }
    await client.close();
  });

  it("log lines (calls, retries, breaker changes) never carry the key", async () => {
    const logger = capturingLogger();
    const client = serverClient(fake.url, {
      logger,
      retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 5 },
      breaker: { consecutiveFailures: 2, halfOpenAfterMs: 1_000 },
    });
    // Two 503s: one retry, then the breaker opens and the third attempt fails fast (circuit_open).
    const burst = { status: 503, body: { detail: `down, key ${SERVER_KEY}` } };
    fake.inject({ path: "/memories", replies: [burst, burst] });
    expect((await mem0Failure(client.getAll({ userId: "u-1" }))).kind).toBe("circuit_open");
    await new Promise((r) => setTimeout(r, 1_100));
    await client.getAll({ userId: "u-1" });
    await client.add({ messages: [{ role: "user", content: "x" }], userId: "u-1", infer: false });
    expect(logger.lines.some((l) => l.includes("retrying"))).toBe(true);
    expect(logger.lines.some((l) => l.includes("breaker opened"))).toBe(true);
    expect(logger.lines.some((l) => l.includes("mem0 call"))).toBe(true);
    for (const line of logger.lines) expect(line).not.toContain(SERVER_KEY);
    await client.close();
  });

  it("invalid options do not echo the value (a key pasted into the wrong field)", () => {
    let thrown: unknown;
    try {
      createMem0Client({ baseUrl: SERVER_KEY });
    } catch (e) {
      thrown = e;
    }
    expectClean(thrown, SERVER_KEY);
    expect((thrown as { field: string }).field).toBe("options.baseUrl");
  });
});
