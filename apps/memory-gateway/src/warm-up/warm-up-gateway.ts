/**
 * The start-up warm-up: before the gateway listens on its port, it runs a few hundred chat turns (a recall,
 * then a remember) through its own HTTP server, authenticator, router, outbox, relay and embedded engine, on a
 * loopback port of its own, then forgets what they stored.
 *
 * Why: a fresh process runs its JavaScript in V8's interpreter until the hot functions are compiled, and the
 * engine's embedder and database have not yet sized their buffers. In a P11 trial at 100 users on a cold
 * stack, 93 of the run's 128 degraded recalls fell in its first 3 s: the first users after every start or
 * deploy got no memories. After this warm-up, 12-24 did (the package README, "Start-up warm-up").
 *
 * What it leaves: the warm-up workspace (fresh per start) has no memories after the forget; the outbox keeps
 * its delivered jobs as it keeps every delivered job, and the engine's history keeps their add and delete
 * rows (an audit trail). Nothing is sent anywhere but this gateway's own embedded engine (start-gateway.ts
 * runs the warm-up only on the local default: no LLM, no remote embedder, no legacy store).
 */
import type { Server } from "node:http";
import { performance } from "node:perf_hooks";
import { createMemoryClient, type MemoryClient } from "@automatos/memory/client";
import { Agent } from "undici";
import type { Authenticator } from "../auth/authenticate.js";
import { listen } from "../http/listen.js";
import { createWarmUpCredentials } from "./warm-up-credentials.js";
import { warmUpTurn } from "./warm-up-texts.js";

export interface WarmUpOptions {
  /** Chat turns to run (each a recall and a remember). */
  turns: number;
  /** Turns in flight at once: enough to exercise batching and the engine's read-first scheduling. */
  concurrency: number;
  /** The whole warm-up, delivery and forget included, stops by then; the gateway starts either way. */
  budgetMs: number;
}

export interface WarmUpDeps {
  /** A gateway server (not listening) that authenticates with the given authenticator. */
  serve(authenticator: Authenticator): Server;
  /**
   * How many memories the warm-up's user holds in mem0. Delivery is read there, not from the outbox's
   * counts: after a crash the outbox may hold other callers' backlog, which the start must not wait for.
   */
  stored(workspaceId: string, atMost: number): Promise<number>;
}

export interface WarmUpReport {
  /** The fresh workspace the turns ran in (user "warm-up"). */
  workspaceId: string;
  turns: number;
  /** Messages the remembered turns carried: one memory each (the warm-up stores verbatim, infer off). */
  remembered: number;
  degraded: number;
  /** Every remembered message was a memory in mem0 before the forget. */
  delivered: boolean;
  /** The forget removed the warm-up's memories (false: some may arrive later, in the warm-up workspace). */
  forgotten: boolean;
  /** Why the warm-up stopped early, if it did (the first failed call's message). */
  stoppedBy: string | null;
  ms: number;
}

const POLL_MS = 100;

export async function warmUpGateway(deps: WarmUpDeps, options: WarmUpOptions): Promise<WarmUpReport> {
  const t0 = performance.now();
  const deadline = t0 + options.budgetMs;
  const credentials = createWarmUpCredentials();
  const server = deps.serve(credentials.authenticator);
  const { port } = await listen(server, 0, "127.0.0.1");
  const dispatcher = new Agent({ connections: options.concurrency, headersTimeout: options.budgetMs });
  const client = createMemoryClient({
    source: "gateway-warm-up",
    gatewayUrl: `http://127.0.0.1:${port}/trpc`,
    serviceToken: credentials.serviceToken,
    userToken: credentials.userToken,
    dispatcher,
  });
  const report: WarmUpReport = {
    workspaceId: credentials.workspaceId,
    turns: 0,
    remembered: 0,
    degraded: 0,
    delivered: false,
    forgotten: false,
    stoppedBy: null,
    ms: 0,
  };
  try {
    await runTurns(client, credentials.workspaceId, options, deadline, report);
    // After a failure the stack is not answering: the start does not wait on it, and what the turns before
    // the failure stored stays in the warm-up workspace the line names (delivered and forgotten are false).
    if (report.stoppedBy === null && report.remembered > 0) {
      const expected = report.remembered;
      report.delivered = await waitUntil(
        async () => (await deps.stored(credentials.workspaceId, expected)) >= expected,
        deadline,
      );
      const forgot = await client.memory.forget.mutate({ kind: "scope", scope: "user" });
      report.forgotten = forgot.complete && report.delivered;
    }
  } catch (err) {
    report.stoppedBy ??= err instanceof Error ? err.message : String(err);
  } finally {
    await dispatcher.close();
    await closeServer(server);
  }
  report.ms = Math.round(performance.now() - t0);
  return report;
}

async function runTurns(
  client: MemoryClient,
  workspaceId: string,
  options: WarmUpOptions,
  deadline: number,
  report: WarmUpReport,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < options.turns && report.stoppedBy === null && performance.now() < deadline) {
      const index = next++;
      const turn = warmUpTurn(index);
      try {
        const recalled = await client.memory.recall.query({ query: turn.query });
        if (recalled.degraded) report.degraded++;
        await client.memory.remember.mutate({
          messages: turn.messages,
          idempotencyKey: `${workspaceId}:${index}`,
          infer: false,
        });
        report.turns++;
        report.remembered += turn.messages.length;
      } catch (err) {
        // The first failure ends the warm-up: a broken engine is health's to report, not the warm-up's.
        report.stoppedBy ??= err instanceof Error ? err.message : String(err);
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
}

async function waitUntil(done: () => Promise<boolean>, deadline: number): Promise<boolean> {
  for (;;) {
    if (await done()) return true;
    if (performance.now() + POLL_MS > deadline) return false;
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
