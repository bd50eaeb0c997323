/**
 * Type-level test, checked by `tsc` (`pnpm --filter @automatos/memory typecheck`), never run: a by-id
 * procedure cannot be written without the ownership step. Every `@ts-expect-error` below is a line that
 * must NOT compile; if the ownership step stopped guarding by-id access (say scopedProcedure handed out
 * mem0's by-id calls again), the directive would be unused and the typecheck would fail.
 */
import type { Scope } from "@automatos/memory-policy";
import { expectTypeOf } from "vitest";
import type { OwnedMemory } from "./ownership.js";
import type { Mem0Memory } from "./ports.js";
import { byIdInput, updateInput } from "./schemas/inputs.js";
import { ownedProcedure, scopedProcedure } from "./trpc.js";

// Without the ownership step, a handler that has an id can reach no memory by it.
scopedProcedure.input(byIdInput).mutation(async ({ ctx, input }) => {
  // @ts-expect-error mem0's by-id calls are not on a scoped handler's context
  await ctx.mem0.get(input.id);
  // @ts-expect-error mem0's by-id calls are not on a scoped handler's context
  await ctx.mem0.update(input.id, { text: "x" });
  // @ts-expect-error mem0's by-id calls are not on a scoped handler's context
  await ctx.mem0.delete(input.id);
  // @ts-expect-error mem0's by-id calls are not on a scoped handler's context
  await ctx.mem0.history(input.id);
  // @ts-expect-error there is no owned memory without the ownership step
  return ctx.owned.id;
});

// With it, the handler gets the owned memory in the mode it asked for.
ownedProcedure("write", updateInput).mutation(async ({ ctx }) => {
  expectTypeOf(ctx.owned).toEqualTypeOf<OwnedMemory<"write">>();
  await ctx.owned.update({ text: "x" });
  await ctx.owned.delete();
});

ownedProcedure("read", byIdInput).query(async ({ ctx }) => {
  expectTypeOf(ctx.owned.memory).toEqualTypeOf<Mem0Memory>();
  await ctx.owned.history();
  // @ts-expect-error a memory owned for reading cannot be deleted
  await ctx.owned.delete();
  // @ts-expect-error nor updated
  await ctx.owned.update({ text: "x" });
});

// An OwnedMemory cannot be made by hand: its brand is a symbol only ownership.ts can name.
export function forge(memory: Mem0Memory, scope: Scope): OwnedMemory<"write"> {
  // @ts-expect-error missing the brand
  return {
    id: memory.id,
    memory,
    scope,
    update: async () => {},
    delete: async () => {},
    history: async () => [],
  };
}
