import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import { memoryRouter } from "./router.js";
import { router } from "./trpc.js";

/** The package's root router: `memory.*`. Apps that serve more may compose memoryRouter into their own. */
export const appRouter = router({ memory: memoryRouter });

export type AppRouter = typeof appRouter;
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
