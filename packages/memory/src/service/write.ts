/**
 * The two write paths.
 * - remember: durable and immediate. The turn goes into the outbox (same request), the caller gets a job id
 *   at once, and the relay delivers it to mem0 with retries. The idempotency key is namespaced by the
 *   principal's mem0 ids, so two tenants using the same key never collide (a CONFLICT would otherwise reveal
 *   that someone else used it).
 * - add: synchronous mem0 add, for tools and imports that need mem0's answer.
 * Both honour the workspace's cutover mode (write-mode.ts, cutover/ports.ts): in `legacy` a remember becomes
 * a legacy row only and add is refused; in `dual` the legacy row is written as well, through the outbox.
 */
import { createHash, randomUUID } from "node:crypto";
import { type Scope, toMem0Ids } from "@automatos/memory-policy";
import { TRPCError } from "@trpc/server";
import { mirrorJob } from "../cutover/mirror-job.js";
import type { OutboxPort } from "../ports.js";
import type { AddInput, RememberInput } from "../schemas/inputs.js";
import { type ServiceDeps, writeCallOptions } from "./deps.js";
import { entityIds } from "./list.js";
import { refuseReservedMetadata, type WriteDeps, writePlanFor } from "./write-mode.js";

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
  deps: WriteDeps,
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
  refuseReservedMetadata(input.metadata);
  const key = scopedIdempotencyKey(scope, input.idempotencyKey ?? randomUUID());
  const mem0Job = {
    idempotencyKey: key,
    mem0Ids: toMem0Ids(scope),
    payload: {
      messages: input.messages,
      infer: inferFlag(deps, input.infer),
      ...(input.metadata ? { metadata: input.metadata } : {}),
    },
  };
  const plan = await writePlanFor(deps, scope);
  let job: { jobId: string; status: string; duplicate: boolean };
  if (plan.mode === "mem0") {
    job = await outbox.enqueue(mem0Job);
  } else {
    const mirror = mirrorJob(scope, plan.owner, key, plan.mode, input.messages);
    // dual: both jobs or neither; the caller's job id is the mem0 one. legacy: the legacy row only.
    const jobs = plan.mode === "dual" ? [mem0Job, mirror] : [mirror];
    [job] = (await plan.cutover.enqueueTogether(jobs)) as [typeof job];
  }
  deps.logger.info(
    {
      event: "remember",
      jobId: job.jobId,
      duplicate: job.duplicate,
      messages: input.messages.length,
      scope: scope.kind,
      mode: plan.mode,
    },
    "turn queued",
  );
  return { jobId: job.jobId, status: job.status, duplicate: job.duplicate, scope: scope.kind };
}

export async function addNow(deps: WriteDeps, scope: Scope, input: AddInput) {
  refuseReservedMetadata(input.metadata);
  const plan = await writePlanFor(deps, scope);
  if (plan.mode === "legacy") {
    throw new TRPCError({
      code: "PRECONDITION_FAILED",
      message:
        "this workspace is in legacy mode (the legacy store serves it): use remember, which writes the legacy row",
    });
  }
  if (plan.mode === "dual") {
    // The mirror is queued BEFORE the mem0 add: if the add then fails, the rollback copy holds one turn
    // mem0 lacks (more, never less); the reverse order could lose the mirror of a stored memory.
    const key = scopedIdempotencyKey(scope, `add:${randomUUID()}`);
    await plan.cutover.enqueueTogether([mirrorJob(scope, plan.owner, key, "dual", input.messages)]);
  }
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
