/** Shared by the gateway bench and its reference processes: the bench user and its mem0 filter. */
import { toMem0Ids } from "@automatos/memory-policy";

export const BENCH_WORKSPACE = "bench-w";
export const BENCH_USER = "bench-u";
export const BENCH_USER_FILTER = {
  ...toMem0Ids({ kind: "user", workspaceId: BENCH_WORKSPACE, userId: BENCH_USER }),
};
