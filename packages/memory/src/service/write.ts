/**
 * The two write paths.
 * - remember: durable and immediate. The turn goes into the outbox (same request), the caller gets a job id
 *   at once, and the relay delivers it to mem0 with retries. The idempotency key is namespaced by the
 *   principal's mem0 ids, so two tenants using the same key never collide (a CONFLICT would otherwise reveal
 *   that someone else used it).
 * - add: synchronous mem0 add, for tools and imports that need mem0's answer.
 */
import { createHash, randomUUID } from "node:crypto";
import { type Scope, toMem0Ids } from "@automatos/memory-policy";
import { TRPCError } from "@trpc/server";
import type { OutboxPort } from "../ports.js";
import type { AddInput, RememberInput } from "../schemas/inputs.js";
import { type ServiceDeps, writeCallOptions } from "./deps.js";
import { entityIds } from "./list.js";

function inferFlag(deps: ServiceDeps, asked: boolean | undefined): boolean {
  // Without an LLM behind mem0, extraction cannot run: store verbatim whatever the client asked.
  return deps.config.inference === "on" ? (asked ?? true) : false;
}

export function scopedIdempotencyKey(scope: Scope, clientKey: string): string {
  const ids = toMem0Ids(scope);
  const digest = createHash("sha256")
    .update(JSON.stringify([ids.user_id ?? null, ids.agent_id ?? null, ids.run_id ?? null, clientKey]))
    .digest("hex");
  return `remember:${digest}`;
}

export async function remember(
  deps: ServiceDeps,
  outbox: OutboxPort | null,
  scope: Scope,
  input: RememberInput,
) {
  if (!outbox) {
    throw new TRPCError({
      code: "PRECONDITION_FAILED",
      message: "remember needs the outbox; this host runs without a database",
    });
  }
  const job = await outbox.enqueue({
    idempotencyKey: scopedIdempotencyKey(scope, input.idempotencyKey ?? randomUUID()),
    mem0Ids: toMem0Ids(scope),
    payload: {
      messages: input.messages,
      infer: inferFlag(deps, input.infer),
      ...(input.metadata ? { metadata: input.metadata } : {}),
    },
  });
  deps.logger.info(
    {
      event: "remember",
      jobId: job.jobId,
      duplicate: job.duplicate,
      messages: input.messages.length,
      scope: scope.kind,
    },
    "turn queued for mem0",
  );
  return { jobId: job.jobId, status: job.status, duplicate: job.duplicate, scope: scope.kind };
}

export async function addNow(deps: ServiceDeps, scope: Scope, input: AddInput) {
  const result = await deps.mem0.add(
    {
      ...entityIds(scope),
      messages: input.messages,
      infer: inferFlag(deps, input.infer),
      ...(input.metadata ? { metadata: input.metadata } : {}),
    },
    writeCallOptions(deps),
  );
  if (result.status === "pending")
    return { status: "pending" as const, scope: scope.kind, eventId: result.eventId };
  return {
    status: "done" as const,
    scope: scope.kind,
    results: result.results.map((r) => ({ id: r.id, text: r.memory, event: r.event })),
  };
}
