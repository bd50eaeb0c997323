/** Shared set-up for the loopback tests: a fake server (with fault injection) and a client on it. */
import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll } from "vitest";
import { createMem0Client } from "../client.js";
import { isMem0Error, type Mem0Error } from "../errors.js";
import type { Mem0Client, Mem0ClientOptions, Mem0Logger } from "../types.js";
import { startPlatformFake, startServerFake } from "./index.js";

export const SERVER_KEY = "srv-admin-key-7f3a9c1e5b2d4a6f";
export const PLATFORM_KEY = "m0-platform-token-2c4e6a8b0d1f3e5a";

export type ServerFake = Awaited<ReturnType<typeof startServerFake>>;
export type PlatformFake = Awaited<ReturnType<typeof startPlatformFake>>;

export function serverClient(url: string, overrides: Partial<Mem0ClientOptions> = {}): Mem0Client {
  return createMem0Client({
    baseUrl: url,
    apiKey: SERVER_KEY,
    retry: { baseDelayMs: 5, maxDelayMs: 50 },
    ...overrides,
  });
}

export function platformClient(url: string, overrides: Partial<Mem0ClientOptions> = {}): Mem0Client {
  return createMem0Client({
    baseUrl: url,
    dialect: "platform",
    apiKey: PLATFORM_KEY,
    retry: { baseDelayMs: 5, maxDelayMs: 50 },
    eventPoll: { intervalMs: 10, deadlineMs: 2_000 },
    ...overrides,
  });
}

/** A logger that keeps every line (object and message) as text, to check what would be written. */
export function capturingLogger(): Mem0Logger & { lines: string[] } {
  const lines: string[] = [];
  const push = (level: string) => (obj: Record<string, unknown>, msg: string) => {
    lines.push(`${level} ${msg} ${JSON.stringify(obj)}`);
  };
  return { lines, debug: push("debug"), info: push("info"), warn: push("warn"), error: push("error") };
}

export const user = () => `u-${randomUUID()}`;

/** Resolves to the rejection reason; fails the test if the promise resolves. */
export async function failure(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error("expected the call to fail, but it succeeded");
}

export { startPlatformFake, startServerFake };

/** Resolves to the Mem0Error the call rejected with; fails the test on success or on any other error. */
export async function mem0Failure(p: Promise<unknown>): Promise<Mem0Error> {
  const e = await failure(p);
  if (!isMem0Error(e)) throw new Error(`expected a Mem0Error, got ${String(e)}`);
  return e;
}

/**
 * Registers hooks for one fake server per test file and one client on it (with no retries and a breaker
 * that never opens: such files provoke failures on purpose and check each in isolation). Faults injected by
 * a test are cleared after it.
 */
export function useServerFake(client: Partial<Mem0ClientOptions> = {}) {
  const t = {} as { fake: ServerFake; client: Mem0Client };
  beforeAll(async () => {
    t.fake = await startServerFake({ apiKey: SERVER_KEY, bearerTokens: ["jwt-access-token-abc"] });
    t.client = serverClient(t.fake.url, {
      retry: { maxAttempts: 1 },
      breaker: { consecutiveFailures: 1_000 },
      ...client,
    });
  });
  afterEach(() => t.fake.clearFaults());
  afterAll(async () => {
    await t.client.close();
    await t.fake.close();
  });
  return t;
}
