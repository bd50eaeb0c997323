import { performance } from "node:perf_hooks";
import type { z } from "zod";
import { type Exchange, parseWith } from "../core/exchange.js";
import type { AddRequest, CallOptions, Mem0Client, UpdateRequest } from "../types.js";

/**
 * What a dialect implements: the memory calls, with inputs already validated by the client. Breaker state
 * and lifecycle belong to the client, not to a dialect.
 */
export type DialectOps = Omit<
  Mem0Client,
  "dialect" | "breakerState" | "onBreakerChange" | "close" | "findByMetadata"
>;

/** snake_case entity ids, dropping absent ones (mem0 treats an explicit null like an absent key anyway). */
export function snakeIds(r: { userId?: string; agentId?: string; runId?: string }) {
  const out: { user_id?: string; agent_id?: string; run_id?: string } = {};
  if (r.userId !== undefined) out.user_id = r.userId;
  if (r.agentId !== undefined) out.agent_id = r.agentId;
  if (r.runId !== undefined) out.run_id = r.runId;
  return out;
}

/** add's wire body: the same on both dialects (entity ids at the top level, unlike search). */
export function addBody(req: AddRequest) {
  return {
    messages: req.messages,
    ...snakeIds(req),
    metadata: req.metadata,
    infer: req.infer,
    expiration_date: req.expirationDate,
  };
}

/** update's wire body: only keys that are present count; `expiration_date: null` clears the date. */
export function updateBody(req: UpdateRequest) {
  return {
    ...(req.text !== undefined && { text: req.text }),
    ...(req.metadata !== undefined && { metadata: req.metadata }),
    ...(req.expirationDate !== undefined && { expiration_date: req.expirationDate }),
  };
}

/** A liveness probe on `path`, timed around the whole call (retries included). */
export async function timedPing(exchange: Exchange, path: string, schema: z.ZodType, opts?: CallOptions) {
  const t0 = performance.now();
  await exchange({ method: "GET", path }, { safe: true, parse: parseWith(schema, () => undefined) }, opts);
  return { ok: true as const, latencyMs: performance.now() - t0 };
}
