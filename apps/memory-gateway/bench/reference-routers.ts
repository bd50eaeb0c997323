/**
 * Shared by the P3 reference processes: the mem0 filter of the bench user, and the barest tRPC router that
 * can serve a search (one procedure, no middleware, no zod) — tRPC's own floor on the gateway path.
 */
import type { Mem0Client } from "@automatos/mem0-client";
import { toMem0Ids } from "@automatos/memory-policy";
import { initTRPC } from "@trpc/server";
import superjson from "superjson";

export const BENCH_WORKSPACE = "bench-w";
export const BENCH_USER = "bench-u";
export const BENCH_USER_FILTER = {
  ...toMem0Ids({ kind: "user", workspaceId: BENCH_WORKSPACE, userId: BENCH_USER }),
};

export function barestRouter(mem0: Mem0Client) {
  const t = initTRPC.create({ transformer: superjson });
  return t.router({
    search: t.procedure
      .input((v) => v as { query: string })
      .query(({ input }) => mem0.search({ query: input.query, filters: BENCH_USER_FILTER, topK: 10 })),
  });
}

export type BarestRouter = ReturnType<typeof barestRouter>;
