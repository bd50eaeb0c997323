/**
 * The memory procedures. Handlers are thin: pick scopes from ctx (resolved by the policy middleware), call a
 * service function, validate what it returns (checkOutput, see output.ts for why not `.output()`), return.
 * Errors are mapped once, in the base procedure's middleware.
 */
import type { TRPCRouterRecord } from "@trpc/server";
import { checkOutput } from "./output.js";
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
import { toScoredView } from "./service/classify.js";
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
    .query(async ({ ctx, input, signal }) =>
      checkOutput(recallOutput, await recall(ctx, ctx.scopes.pick("read", input.scopes), input, signal)),
    ),

  search: scopedProcedure.input(searchInput).query(async ({ ctx, input, signal }) => {
    const plan = planSearch(ctx.scopes.pick("read", input.scopes), input.filters);
    const found = await runSearch(ctx, plan, input, signal ? { signal } : {});
    return checkOutput(searchOutput, {
      memories: found.hits.map((h) => toScoredView(h.memory, h.scope, h.score)),
      searches: found.searches,
    });
  }),

  remember: scopedProcedure
    .input(rememberInput)
    .mutation(async ({ ctx, input }) =>
      checkOutput(
        rememberOutput,
        await remember(ctx, ctx.outbox, ctx.scopes.pickOne("write", input.scope), input),
      ),
    ),

  add: scopedProcedure
    .input(addInput)
    .mutation(async ({ ctx, input }) =>
      checkOutput(addOutput, await addNow(ctx, ctx.scopes.pickOne("write", input.scope), input)),
    ),

  list: scopedProcedure
    .input(listInput)
    .query(async ({ ctx, input }) =>
      checkOutput(listOutput, await listMemories(ctx, ctx.scopes.pick("read", input.scopes), input.limit)),
    ),

  get: scopedProcedure
    .input(byIdInput)
    .query(async ({ ctx, input }) => checkOutput(memoryView, await getMemory(ctx, ctx.principal, input.id))),

  update: scopedProcedure
    .input(updateInput)
    .mutation(async ({ ctx, input }) =>
      checkOutput(updateOutput, await updateMemory(ctx, ctx.principal, input)),
    ),

  delete: scopedProcedure
    .input(byIdInput)
    .mutation(async ({ ctx, input }) =>
      checkOutput(deleteOutput, await deleteMemory(ctx, ctx.principal, input.id)),
    ),

  history: scopedProcedure
    .input(byIdInput)
    .query(async ({ ctx, input }) =>
      checkOutput(historyOutput, await memoryHistory(ctx, ctx.principal, input.id)),
    ),

  forget: scopedProcedure
    .input(forgetInput)
    .mutation(async ({ ctx, input }) =>
      checkOutput(forgetOutput, await forget(ctx, ctx.principal, ctx.scopes, input)),
    ),

  health: authedProcedure.query(async ({ ctx }) =>
    checkOutput(healthOutput, await health(ctx, ctx.principal.workspaceId)),
  ),
} satisfies TRPCRouterRecord;
