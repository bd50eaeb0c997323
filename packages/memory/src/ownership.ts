/**
 * Ownership of a memory addressed by id. mem0's get/update/delete/history are unscoped (anyone holding an id
 * could act on any tenant's memory), so a by-id procedure is built with `ownedProcedure` (trpc.ts): its
 * middleware loads the memory, runs the policy's checkOwnership on the memory's EXACT id tuple, and hands the
 * handler `ctx.owned`, an OwnedMemory. The by-id mem0 calls exist only as that handle's methods: the scoped
 * handlers' `ctx.mem0` type has no get/update/delete/history (ScopedMem0), so a by-id procedure cannot be
 * written without the check (src/ownership.test-d.ts shows it). Missing, another tenant's, or another
 * scope's: the same NOT_FOUND, so existence never leaks.
 */
import { type AccessMode, checkOwnership, type Principal, type Scope } from "@automatos/memory-policy";
import { memoryNotFound } from "./errors.js";
import type { Mem0HistoryEntry, Mem0Memory, Mem0Port } from "./ports.js";
import { storedIds } from "./service/classify.js";
import { callOptions, type ServiceDeps, writeCallOptions } from "./service/deps.js";

/** Only this module makes an OwnedMemory: the brand is a symbol nobody else can name. */
declare const owned: unique symbol;

/** The mem0 calls that act on one id. Not on a scoped handler's context; only on an OwnedMemory. */
export type ByIdMem0Calls = "get" | "update" | "delete" | "history";

/** mem0 as a scoped handler sees it: searches, lists, adds and scope-wide deletes; nothing by id. */
export type ScopedMem0 = Omit<Mem0Port, ByIdMem0Calls>;

/** A memory the caller may use in `mode`, with the by-id calls bound to it. */
export interface OwnedMemory<M extends AccessMode = AccessMode> {
  readonly [owned]: M;
  readonly id: string;
  readonly memory: Mem0Memory;
  /** The memory's scope (one of the caller's), from its exact stored ids. */
  readonly scope: Scope;
  update(
    this: OwnedMemory<"write">,
    patch: { text?: string; metadata?: Record<string, unknown> },
  ): Promise<void>;
  delete(this: OwnedMemory<"write">): Promise<void>;
  history(): Promise<Mem0HistoryEntry[]>;
}

/** What the ownership step needs: the full mem0 port (by-id calls included) and the call options' inputs. */
export type OwnershipDeps = ServiceDeps & { mem0: Mem0Port };

function bind<M extends AccessMode>(deps: OwnershipDeps, memory: Mem0Memory, scope: Scope): OwnedMemory<M> {
  const id = memory.id;
  const handle = {
    id,
    memory,
    scope,
    update: (patch: { text?: string; metadata?: Record<string, unknown> }) =>
      deps.mem0.update(id, patch, writeCallOptions(deps)),
    delete: () => deps.mem0.delete(id, callOptions(deps)),
    history: () => deps.mem0.history(id, callOptions(deps)),
  };
  return handle as unknown as OwnedMemory<M>;
}

/** What a scoped handler gets on `ctx.ownership`: the ownership step, bound to the caller and the full port. */
export interface Ownership {
  /** Loads `id` and proves the caller may use it in `mode`; otherwise the one NOT_FOUND. */
  load<M extends AccessMode>(id: string, mode: M): Promise<OwnedMemory<M>>;
  /** See ownedByListing. */
  byListing(memory: Mem0Memory, scope: Scope): OwnedMemory<"write">;
}

export function createOwnership(deps: OwnershipDeps, principal: Principal): Ownership {
  return {
    load: (id, mode) => loadOwned(deps, principal, id, mode),
    byListing: (memory, scope) => ownedByListing(deps, memory, scope),
  };
}

/** Loads `id` and proves the principal may use it in `mode`; otherwise throws the one NOT_FOUND. */
export async function loadOwned<M extends AccessMode>(
  deps: OwnershipDeps,
  principal: Principal,
  id: string,
  mode: M,
): Promise<OwnedMemory<M>> {
  const memory = await deps.mem0.get(id, callOptions(deps));
  if (!memory || memory.id !== id) throw memoryNotFound();
  const checked = checkOwnership(principal, storedIds(memory), mode);
  if (!checked.ok) {
    // Logged without ids of the other tenant: only that a by-id call was refused.
    deps.logger.info({ event: "ownership-refused", mode }, "by-id access outside the caller's scopes");
    throw memoryNotFound();
  }
  return bind<M>(deps, memory, checked.value);
}

/**
 * A memory the service listed in `scope` and classified as exactly that scope (forget's scope pass): the
 * classification is the ownership check, on the same exact id tuple.
 */
export function ownedByListing(deps: OwnershipDeps, memory: Mem0Memory, scope: Scope): OwnedMemory<"write"> {
  return bind<"write">(deps, memory, scope);
}
