/**
 * The Mem0Writer the scenarios deliver through. The production writer is @automatos/mem0-client (a
 * devDependency, built in parallel): once it exports createMem0Client, the tests use it against the stub;
 * until then they use the package's loopback writer, which speaks the same REST contract.
 */
import type { Mem0Writer } from "../outbox/mem0-writer.js";
import { createLoopbackMem0Writer } from "./loopback-mem0-writer.js";

export interface TestWriter {
  writer: Mem0Writer & { close?: () => Promise<void> };
  /** Which implementation is in use, for the test output. */
  impl: "@automatos/mem0-client" | "loopback writer";
}

export interface TestWriterOptions {
  baseUrl: string;
  apiKey: string;
  breaker?: { consecutiveFailures: number; halfOpenAfterMs: number };
}

type ClientFactory = (options: Record<string, unknown>) => Mem0Writer & { close(): Promise<void> };

export async function createTestWriter(options: TestWriterOptions): Promise<TestWriter> {
  const breaker = options.breaker ?? { consecutiveFailures: 5, halfOpenAfterMs: 500 };
  const mod = (await import("@automatos/mem0-client").catch(() => ({}))) as {
    createMem0Client?: ClientFactory;
  };
  if (typeof mod.createMem0Client === "function") {
    const writer = mod.createMem0Client({
      baseUrl: options.baseUrl,
      apiKey: options.apiKey,
      dialect: "server",
      breaker,
      // Writes are never retried by the client: the outbox is the retry mechanism.
      retry: { maxAttempts: 1 },
    });
    return { writer, impl: "@automatos/mem0-client" };
  }
  return {
    writer: createLoopbackMem0Writer({ baseUrl: options.baseUrl, apiKey: options.apiKey, breaker }),
    impl: "loopback writer",
  };
}
