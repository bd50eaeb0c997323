/**
 * Which stores a write goes to, from the workspace's cutover mode (cutover/ports.ts has what each mode
 * means). Hosts without a legacy store have no cutover: everything is `mem0`. Scopes the legacy store has
 * no form for (agent-user, run, or ids its schema cannot hold) are `mem0` in every mode.
 */
import type { Scope } from "@automatos/memory-policy";
import { TRPCError } from "@trpc/server";
import { legacyOwnerOf, MIRROR_KEY } from "../cutover/mirror-job.js";
import type { Cutover, LegacyOwner, MemoryMode } from "../cutover/ports.js";
import type { ServiceDeps } from "./deps.js";

export type WriteDeps = ServiceDeps & { cutover?: Cutover | null };

export type WritePlan =
  | { mode: "mem0"; cutover: Cutover | null; owner: null }
  | { mode: Exclude<MemoryMode, "mem0">; cutover: Cutover; owner: LegacyOwner };

export async function writePlanFor(deps: WriteDeps, scope: Scope): Promise<WritePlan> {
  const cutover = deps.cutover ?? null;
  const owner = legacyOwnerOf(scope);
  if (!cutover || !owner || !cutover.mirror.represents(owner)) return { mode: "mem0", cutover, owner: null };
  const mode = await cutover.modes.modeOf(scope.workspaceId);
  return mode === "mem0" ? { mode, cutover, owner: null } : { mode, cutover, owner };
}

/** The relay routes jobs by this key: a caller's metadata must not carry it. */
export function refuseReservedMetadata(metadata: Record<string, unknown> | undefined): void {
  if (metadata && Object.hasOwn(metadata, MIRROR_KEY)) {
    throw new TRPCError({ code: "BAD_REQUEST", message: `metadata.${MIRROR_KEY} is reserved` });
  }
}
