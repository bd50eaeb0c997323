/**
 * The memory procedures. Handlers are thin: pick scopes from ctx (resolved by the policy middleware) or take
 * the owned memory (by-id procedures, `ownedProcedure`), call a service function, return; `.output()`
 * validates what they return. Errors are mapped once, in the base procedure's middleware.
 */
import type { TRPCRouterRecord } from "@trpc/server";
import {
  addInput,
  byIdInput,
  deadLettersInput,
  forgetInput,
  listInput,
  recallInput,
  rememberInput,
  retryDeadLettersInput,
  searchInput,
  updateInput,
} from "./schemas/inputs.js";
import {
  addOutput,
  deadLettersOutput,
  deleteOutput,
  forgetOutput,
  healthOutput,
  historyOutput,
  listOutput,
  memoryView,
  recallOutput,
  rememberOutput,
  retryDeadLettersOutput,
  searchOutput,
  updateOutput,
} from "./schemas/outputs.js";
import { historyView, toScoredView, toView } from "./service/classify.js";
import { listDeadLetters, retryDeadLetters } from "./service/dead-letters.js";
import { forget } from "./service/forget.js";
import { health } from "./service/health.js";
import { listMemories } from "./service/list.js";
import { recall } from "./service/recall.js";
import { planSearch, runSearch } from "./service/search.js";
import { addNow, remember } from "./service/write.js";
import { adminProcedure, authedProcedure, ownedProcedure, scopedProcedure } from "./trpc.js";

export const memoryRouter = {
  recall: scopedProcedure
    .input(recallInput)
    .output(recallOutput)
    .query(({ ctx, input, signal }) => recall(ctx, ctx.scopes.pick("read", input.scopes), input, signal)),

  search: scopedProcedure
    .input(searchInput)
    .output(searchOutput)
    .query(async ({ ctx, input, signal }) => {
      const plan = planSearch(ctx.scopes.pick("read", input.scopes), input.filters);
      const found = await runSearch(ctx, plan, input, signal ? { signal } : {});
      return {
        memories: found.hits.map((h) => toScoredView(h.memory, h.scope, h.score)),
        searches: found.searches,
      };
    }),

  remember: scopedProcedure
    .input(rememberInput)
    .output(rememberOutput)
    .mutation(({ ctx, input }) => remember(ctx, ctx.outbox, ctx.scopes.pickOne("write", input.scope), input)),

  add: scopedProcedure
    .input(addInput)
    .output(addOutput)
    .mutation(({ ctx, input }) => addNow(ctx, ctx.scopes.pickOne("write", input.scope), input)),

  list: scopedProcedure
    .input(listInput)
    .output(listOutput)
    .query(({ ctx, input }) => listMemories(ctx, ctx.scopes.pick("read", input.scopes), input.limit)),

  get: ownedProcedure("read", byIdInput)
    .output(memoryView)
    .query(({ ctx }) => toView(ctx.owned.memory, ctx.owned.scope)),

  update: ownedProcedure("write", updateInput)
    .output(updateOutput)
    .mutation(async ({ ctx, input }) => {
      await ctx.owned.update({
        ...(input.text !== undefined ? { text: input.text } : {}),
        ...(input.metadata ? { metadata: input.metadata } : {}),
      });
      return { id: input.id, updated: true as const };
    }),

  delete: ownedProcedure("write", byIdInput)
    .output(deleteOutput)
    .mutation(async ({ ctx, input }) => {
      await ctx.owned.delete();
      return { id: input.id, deleted: true as const };
    }),

  history: ownedProcedure("read", byIdInput)
    .output(historyOutput)
    .query(async ({ ctx, input }) => ({
      id: input.id,
      entries: (await ctx.owned.history()).map(historyView),
    })),

  forget: scopedProcedure
    .input(forgetInput)
    .output(forgetOutput)
    .mutation(({ ctx, input }) => forget(ctx, ctx.principal, ctx.scopes, ctx.ownership, input)),

  health: authedProcedure.output(healthOutput).query(({ ctx }) => health(ctx, ctx.principal.workspaceId)),

  deadLetters: adminProcedure
    .input(deadLettersInput)
    .output(deadLettersOutput)
    .query(({ ctx, input }) => listDeadLetters(ctx.outbox, ctx.principal.workspaceId, input.limit)),

  retryDeadLetters: adminProcedure
    .input(retryDeadLettersInput)
    .output(retryDeadLettersOutput)
    .mutation(({ ctx, input }) => retryDeadLetters(ctx.outbox, ctx.principal.workspaceId, input.jobIds)),
} satisfies TRPCRouterRecord;
