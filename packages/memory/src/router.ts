/**
 * The memory procedures. Handlers are thin: pick scopes from ctx (resolved by the policy middleware), call a
 * service function, return. Errors are mapped once, in publicProcedure's middleware.
 */
import type { TRPCRouterRecord } from "@trpc/server";
import {
  addInput,
  byIdInput,
  forgetInput,
  listInput,
  recallInput,
  rememberInput,
  searchInput,
  updateInput,
} from "./schemas/inputs.js";
import {
  addOutput,
  deleteOutput,
  forgetOutput,
  healthOutput,
  historyOutput,
  listOutput,
  memoryView,
  recallOutput,
  rememberOutput,
  searchOutput,
  updateOutput,
} from "./schemas/outputs.js";
import { deleteMemory, getMemory, memoryHistory, updateMemory } from "./service/by-id.js";
import { toView } from "./service/classify.js";
import { forget } from "./service/forget.js";
import { health } from "./service/health.js";
import { listMemories } from "./service/list.js";
import { recall } from "./service/recall.js";
import { planSearch, runSearch } from "./service/search.js";
import { addNow, remember } from "./service/write.js";
import { authedProcedure, scopedProcedure } from "./trpc.js";

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
        memories: found.hits.map((h) => ({ ...toView(h.memory, h.scope), score: h.score })),
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

  get: scopedProcedure
    .input(byIdInput)
    .output(memoryView)
    .query(({ ctx, input }) => getMemory(ctx, ctx.principal, input.id)),

  update: scopedProcedure
    .input(updateInput)
    .output(updateOutput)
    .mutation(({ ctx, input }) => updateMemory(ctx, ctx.principal, input)),

  delete: scopedProcedure
    .input(byIdInput)
    .output(deleteOutput)
    .mutation(({ ctx, input }) => deleteMemory(ctx, ctx.principal, input.id)),

  history: scopedProcedure
    .input(byIdInput)
    .output(historyOutput)
    .query(({ ctx, input }) => memoryHistory(ctx, ctx.principal, input.id)),

  forget: scopedProcedure
    .input(forgetInput)
    .output(forgetOutput)
    .mutation(({ ctx, input }) => forget(ctx, ctx.principal, ctx.scopes, input)),

  health: authedProcedure.output(healthOutput).query(({ ctx }) => health(ctx, ctx.principal.workspaceId)),
} satisfies TRPCRouterRecord;
