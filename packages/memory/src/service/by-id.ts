/**
 * By-id operations. mem0's get/update/delete/history are unscoped (anyone holding an id could act on any
 * tenant's memory), so each one first fetches the memory and runs the policy's checkOwnership on its EXACT id
 * tuple. Missing, another tenant's, or another scope's: the same NOT_FOUND, so existence never leaks.
 */
import { type AccessMode, checkOwnership, type Principal, type Scope } from "@automatos/memory-policy";
import { memoryNotFound } from "../errors.js";
import type { Mem0Memory } from "../ports.js";
import type { MemoryView } from "../schemas/outputs.js";
import { storedIds, toView } from "./classify.js";
import { callOptions, type ServiceDeps, writeCallOptions } from "./deps.js";

export interface Owned {
  memory: Mem0Memory;
  scope: Scope;
}

/** Fetches `id` and proves the principal may use it in `mode`; otherwise throws the one NOT_FOUND. */
export async function fetchOwned(
  deps: ServiceDeps,
  principal: Principal,
  id: string,
  mode: AccessMode,
): Promise<Owned> {
  const memory = await deps.mem0.get(id, callOptions(deps));
  if (!memory || memory.id !== id) throw memoryNotFound();
  const owned = checkOwnership(principal, storedIds(memory), mode);
  if (!owned.ok) {
    // Logged without ids of the other tenant: only that a by-id call was refused.
    deps.logger.info({ event: "ownership-refused", mode }, "by-id access outside the caller's scopes");
    throw memoryNotFound();
  }
  return { memory, scope: owned.value };
}

export async function getMemory(deps: ServiceDeps, principal: Principal, id: string): Promise<MemoryView> {
  const { memory, scope } = await fetchOwned(deps, principal, id, "read");
  return toView(memory, scope);
}

export async function updateMemory(
  deps: ServiceDeps,
  principal: Principal,
  input: { id: string; text?: string; metadata?: Record<string, unknown> },
): Promise<{ id: string; updated: true }> {
  await fetchOwned(deps, principal, input.id, "write");
  await deps.mem0.update(
    input.id,
    {
      ...(input.text !== undefined ? { text: input.text } : {}),
      ...(input.metadata ? { metadata: input.metadata } : {}),
    },
    writeCallOptions(deps),
  );
  return { id: input.id, updated: true };
}

export async function deleteMemory(
  deps: ServiceDeps,
  principal: Principal,
  id: string,
): Promise<{ id: string; deleted: true }> {
  await fetchOwned(deps, principal, id, "write");
  await deps.mem0.delete(id, callOptions(deps));
  return { id, deleted: true };
}

export async function memoryHistory(deps: ServiceDeps, principal: Principal, id: string) {
  await fetchOwned(deps, principal, id, "read");
  const entries = await deps.mem0.history(id, callOptions(deps));
  return {
    id,
    entries: entries.map((e) => ({
      event: e.event,
      oldText: e.oldMemory,
      newText: e.newMemory,
      createdAt: e.createdAt,
      updatedAt: e.updatedAt,
      isDeleted: e.isDeleted,
    })),
  };
}
