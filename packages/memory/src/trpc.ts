/**
 * The package's one initTRPC. Only the builders are exported, so every procedure is built from one of the
 * three layers below and no handler can skip authentication or scope resolution.
 *
 * - superjson: Dates and Maps survive every link (in-process and HTTP alike).
 * - errorFormatter: BAD_REQUEST names the field (zod issues flattened); no stack traces, no causes, and a
 *   generic message for internal errors, so nothing secret or tenant-specific leaves the server.
 */
import { type Principal, parsePrincipal } from "@automatos/memory-policy";
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { z } from "zod";
import type { InnerContext } from "./context.js";
import { toTRPCError } from "./errors.js";
import { createScopeAccess } from "./scope-access.js";

function issuePath(path: readonly PropertyKey[]): string {
  return path.length === 0 ? "input" : path.map(String).join(".");
}

/** An unknown key is reported at its parent's path; name the key itself, it is the field at fault. */
function fieldOf(issue: z.core.$ZodIssue): string {
  const keys = issue.code === "unrecognized_keys" ? issue.keys : [];
  const key = keys[0];
  return issuePath(key === undefined ? issue.path : [...issue.path, key.slice(0, 64)]);
}

function describeZod(error: z.core.$ZodError): { message: string; field: string } {
  const issues = error.issues.slice(0, 3);
  const message = issues.map((i) => `${fieldOf(i)}: ${i.message}`).join("; ");
  return { message: message || "input: invalid", field: issues[0] ? fieldOf(issues[0]) : "input" };
}

const t = initTRPC.context<InnerContext>().create({
  transformer: superjson,
  isDev: false,
  errorFormatter({ shape, error }) {
    const zodError = error.cause instanceof z.core.$ZodError ? error.cause : null;
    const described = zodError ? describeZod(zodError) : null;
    const policyField = (error.cause as { field?: unknown } | undefined)?.field;
    const internal = error.code === "INTERNAL_SERVER_ERROR";
    return {
      message: described?.message ?? (internal ? "internal error" : shape.message),
      code: shape.code,
      data: {
        code: shape.data.code,
        httpStatus: shape.data.httpStatus,
        path: shape.data.path,
        field: described?.field ?? (typeof policyField === "string" ? policyField : null),
        zodError: zodError ? z.flattenError(zodError) : null,
      },
    };
  },
});

/**
 * Builds a router from procedures or sub-routers.
 * @example
 * export const appRouter = router({ memory: memoryRouter });
 */
export const router = t.router;

/**
 * Makes a server-side caller (tests, scripts). Apps use createMemoryClient instead.
 * @example
 * const caller = createCallerFactory(appRouter)(createInnerContext({ mem0, principal }));
 * await caller.memory.health();
 */
export const createCallerFactory = t.createCallerFactory;

/**
 * No authentication. Maps every failure (mem0, outbox, anything unexpected) to a tRPC error code and logs
 * it without message text.
 * @example
 * const ping = publicProcedure.query(() => "pong");
 */
export const publicProcedure = t.procedure.use(async ({ ctx, next, path }) => {
  const result = await next();
  if (result.ok) return result;
  const mapped = toTRPCError(result.error);
  const level = mapped.code === "INTERNAL_SERVER_ERROR" ? "error" : "warn";
  ctx.logger[level](
    { path, code: mapped.code, cause: describeCause(mapped.cause) },
    "memory procedure failed",
  );
  throw mapped;
});

function describeCause(cause: unknown): Record<string, unknown> | undefined {
  if (!(cause instanceof Error)) return undefined;
  const c = cause as Error & { kind?: unknown; status?: unknown; code?: unknown };
  return {
    name: c.name,
    kind: c.kind,
    status: c.status,
    code: typeof c.code === "string" ? c.code : undefined,
  };
}

/** The principal, re-validated against the policy's grammar, or UNAUTHORIZED naming the bad field. */
function requirePrincipal(ctx: InnerContext): Principal {
  if (!ctx.principal) throw new TRPCError({ code: "UNAUTHORIZED", message: "principal: missing" });
  const parsed = parsePrincipal(ctx.principal);
  if (!parsed.ok) {
    throw new TRPCError({
      code: "UNAUTHORIZED",
      message: `principal${parsed.error.field ? `.${parsed.error.field}` : ""}: invalid`,
    });
  }
  return parsed.value;
}

/**
 * A verified principal is present (the adapter put it there: the gateway from tokens, an app from its own
 * authenticated user). `ctx.principal` is non-null and re-validated against the policy's grammar.
 * @example
 * const whoami = authedProcedure.query(({ ctx }) => ctx.principal.app);
 */
export const authedProcedure = publicProcedure.use(({ ctx, next }) =>
  next({ ctx: { principal: requirePrincipal(ctx) } }),
);

/**
 * Authenticated AND the policy has run: `ctx.scopes` holds the scopes this principal may read and write, and
 * is the only way a handler can obtain a scope (and so a mem0 id). It performs authedProcedure's check in
 * the same middleware (one tRPC middleware level less on every memory call: each level copies the context).
 * @example
 * const count = scopedProcedure.query(async ({ ctx }) => {
 *   const [scope] = ctx.scopes.pick("read", ["user"]);
 *   return scope.kind;
 * });
 */
export const scopedProcedure = publicProcedure.use(({ ctx, next }) => {
  const principal = requirePrincipal(ctx);
  return next({ ctx: { principal, scopes: createScopeAccess(principal) } });
});
