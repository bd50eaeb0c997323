/** A database from the matrix, a loopback mem0 stub and a writer to it, for the relay suites. */
import { type ServerFakeServer, startServerFake } from "@automatos/mem0-client/testing";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { createOutbox, type Outbox } from "../outbox/outbox.js";
import type { Backend, TestDatabase } from "./backends.js";
import { createTestWriter, type TestWriter, type TestWriterOptions } from "./mem0-writer.js";

export interface RelayFixture {
  t: TestDatabase;
  stub: Mem0Fake;
  outbox: Outbox;
  /** A writer to the stub (a fresh one per call, so breaker state does not leak between tests). */
  writer(breaker?: TestWriterOptions["breaker"]): Promise<TestWriter["writer"]>;
  /** Which writer implementation the tests deliver through (set after the first writer() call). */
  writerImpl?: TestWriter["impl"];
}

export type Mem0Fake = ServerFakeServer;
/** The admin key the fake mem0 checks (X-API-Key). */
export const MEM0_FAKE_KEY = "stub-admin-key";
/** The one fake mem0 server (@automatos/mem0-client/testing), keyed, on loopback. */
export const startMem0Fake = (opts: { latencyMs?: number } = {}) =>
  startServerFake({ apiKey: MEM0_FAKE_KEY, ...opts });

export function useRelayFixture(backend: Backend): RelayFixture {
  const fixture = {} as RelayFixture;
  const writers: TestWriter["writer"][] = [];
  beforeAll(async () => {
    fixture.t = await backend.open();
    fixture.stub = await startMem0Fake();
    fixture.outbox = createOutbox(fixture.t.database.db);
    fixture.writer = async (breaker = { consecutiveFailures: 1_000, halfOpenAfterMs: 60_000 }) => {
      const { writer, impl } = await createTestWriter({
        baseUrl: fixture.stub.url,
        apiKey: MEM0_FAKE_KEY,
        breaker,
      });
      fixture.writerImpl = impl;
      writers.push(writer);
      return writer;
    };
  });
  beforeEach(async () => {
    await fixture.t.reset();
    await fixture.stub.setMode("up");
    fixture.stub.clearFaults();
    fixture.stub.setLatency(0);
    fixture.stub.clear();
  });
  afterAll(async () => {
    for (const w of writers) await w.close?.();
    await fixture.stub?.close();
    await fixture.t?.close();
  });
  return fixture;
}

let counter = 0;
/** A remember for user u1 whose text carries a unique marker. */
export function remember(
  marker = `m${++counter}`,
  ids: Record<string, string> = { user_id: "workspace_w1_user_u1" },
) {
  return {
    idempotencyKey: `key-${marker}`,
    mem0Ids: ids,
    payload: {
      messages: [{ role: "user", content: `remember ${marker}` }],
      metadata: { marker },
      infer: false,
    },
  };
}

/** Markers as mem0 received them, one entry per add (duplicates included). */
export function receivedMarkers(stub: Mem0Fake): string[] {
  return stub.adds().map((a) => String(a.body.metadata?.marker));
}
