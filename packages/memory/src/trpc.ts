/**
 * The package's one initTRPC. Only the builders are exported, so every procedure is built from one of the
 * three layers below and no handler can skip authentication or scope resolution.
 *
 * - superjson: Dates and Maps survive every link (in-process and HTTP alike).
 * - errorFormatter: BAD_REQUEST names the field (zod issues flattened); no stack traces, no causes, and a
 *   generic message for internal errors, so nothing secret or tenant-specific leaves the server.
 */
import { type AccessMode, type Principal, parsePrincipal } from "@automatos/memory-policy";
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { z } from "zod";
import type { InnerContext } from "./context.js";
import { toTRPCError } from "./errors.js";
import { createOwnership, type ScopedMem0 } from "./ownership.js";
import { memoryIdSchema } from "./schemas/inputs.js";
import { createScopeAccess } from "./scope-access.js";

function issuePath(path: readonly PropertyKey[]): string {
  return path.length === 0 ? "input" : path.map(String).join(".");
}

/** An unknown key is reported at its parent's path; name the key itself, it is the field at fault. */
function fieldOf(issue: z.core.$ZodIssue): string {
  const keys = issue.code === "unrecognized_keys" ? issue.keys : [];
  const key = keys[0];
  // An empty or odd key is shown JSON-quoted so the field is never blank: `""`, `"a.b"`.
  const shown =
    key === undefined
      ? undefined
      : /^[A-Za-z_$][\w$-]{0,63}$/.test(key)
        ? key
        : JSON.stringify(key.slice(0, 64));
  return issuePath(shown === undefined ? issue.path : [...issue.path, shown]);
}

function describeZod(error: z.core.$ZodError): { message: string; field: string } {
  const issues = error.issues.slice(0, 3);
  const message = issues.map((i) => `${fieldOf(i)}: ${i.message}`).join("; ");
  return { message: message || "input: invalid", field: issues[0] ? fieldOf(issues[0]) : "input" };
}

const t = initTRPC.context<InnerContext>().create({
  transformer: {
    // superjson copies what it deserialises by assignment, and `copy["__proto__"] = v` drops that key (or
    // swaps the copy's prototype) silently. In place, the freshly parsed request keeps it as an own key, so
    // the input schemas see it and refuse it by name. Same wire format as plain superjson on both sides.
    input: {
      serialize: (value: unknown) => superjson.serialize(value),
      deserialize: (payload: unknown) =>
        superjson.deserialize(payload as Parameters<typeof superjson.deserialize>[0], { inPlace: true }),
    },
    output: superjson,
  },
  isDev: false,
  errorFormatter({ shape, error }) {
    // Only input errors are described: a zod error behind anything else (output validation) is our bug.
    const zodError =
      error.code === "BAD_REQUEST" && error.cause instanceof z.core.$ZodError ? error.cause : null;
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

/** Maps a failure to its tRPC code, logs it without message text, and throws it. */
function fail(ctx: InnerContext, path: string, error: unknown): never {
  const mapped = toTRPCError(error);
  const level = mapped.code === "INTERNAL_SERVER_ERROR" ? "error" : "warn";
  ctx.logger[level](
    { path, code: mapped.code, cause: describeCause(mapped.cause) },
    "memory procedure failed",
  );
  throw mapped;
}

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

/** The principal, re-validated against the policy's grammar; UNAUTHORIZED (logged) naming the bad field. */
function authenticate(ctx: InnerContext, path: string): Principal {
  if (!ctx.principal)
    return fail(ctx, path, new TRPCError({ code: "UNAUTHORIZED", message: "principal: missing" }));
  const parsed = parsePrincipal(ctx.principal);
  if (parsed.ok) return parsed.value;
  const field = parsed.error.field ? `.${parsed.error.field}` : "";
  return fail(ctx, path, new TRPCError({ code: "UNAUTHORIZED", message: `principal${field}: invalid` }));
}

/** A middleware's downstream result, passed through when ok, mapped and thrown otherwise. */
function settle<R extends { ok: boolean }>(ctx: InnerContext, path: string, result: R): R {
  return result.ok ? result : fail(ctx, path, (result as unknown as { error: unknown }).error);
}

/*
 * The layers are cumulative (public < authed < scoped < owned). The principal is parsed once, in the authed
 * step; the policy recognises the parsed object and does not parse it again.
 */

/**
 * No authentication. Maps every failure (mem0, outbox, anything unexpected) to a tRPC error code and logs
 * it without message text.
 * @example
 * const ping = publicProcedure.query(() => "pong");
 */
export const publicProcedure = t.procedure.use(async ({ ctx, next, path }) =>
  settle(ctx, path, await next()),
);

/**
 * publicProcedure + a verified principal (the adapter put it there: the gateway from tokens, an app from its
 * own authenticated user). `ctx.principal` is non-null and re-validated against the policy's grammar.
 * @example
 * const whoami = authedProcedure.query(({ ctx }) => ctx.principal.app);
 */
export const authedProcedure = t.procedure.use(async ({ ctx, next, path }) => {
  const principal = authenticate(ctx, path);
  return settle(ctx, path, await next({ ctx: { principal } }));
});

/**
 * authedProcedure + the caller is the operator app (`admin` service token): FORBIDDEN for every other app,
 * before the handler runs. For operations on the memory service itself (the outbox's dead letters), always
 * within the principal's own workspace.
 * @example
 * const dead = adminProcedure.query(({ ctx }) => listDeadLetters(ctx.outbox, ctx.principal.workspaceId, 50));
 */
export const adminProcedure = t.procedure.use(async ({ ctx, next, path }) => {
  const principal = authenticate(ctx, path);
  if (principal.app !== "admin") {
    // The field rides on the cause, where the error formatter looks for a policy denial's field.
    const message = "principal.app: operators only (the admin service token)";
    const cause = Object.assign(new Error(message), { field: "principal.app" });
    return fail(ctx, path, new TRPCError({ code: "FORBIDDEN", message, cause }));
  }
  return settle(ctx, path, await next({ ctx: { principal } }));
});

/**
 * authedProcedure + the policy: `ctx.scopes` holds the scopes this principal may read and write, and is the
 * only way a handler can obtain a scope (and so a mem0 id). `ctx.mem0` has no by-id calls (ScopedMem0): a
 * memory addressed by id is reached only through the ownership step (`ownedProcedure`, `ctx.ownership`).
 * @example
 * const count = scopedProcedure.query(async ({ ctx }) => {
 *   const [scope] = ctx.scopes.pick("read", ["user"]);
 *   return scope.kind;
 * });
 */
export const scopedProcedure = t.procedure.use(async ({ ctx, next, path }) => {
  const principal = authenticate(ctx, path);
  const mem0: ScopedMem0 = ctx.mem0;
  return settle(
    ctx,
    path,
    await next({
      ctx: {
        principal,
        scopes: createScopeAccess(principal),
        ownership: createOwnership(ctx, principal),
        mem0,
      },
    }),
  );
});

/** What every by-id input has. */
const byId = z.object({ id: memoryIdSchema });

/**
 * scopedProcedure + the memory addressed by `input.id`, loaded and checked against the caller's scopes in
 * `mode` before the handler runs: the handler gets it as `ctx.owned` (get, update, delete and history are
 * its methods). Missing or not the caller's: NOT_FOUND, the same for both.
 * @example
 * const remove = ownedProcedure("write", byIdInput).mutation(({ ctx }) => ctx.owned.delete());
 */
export function ownedProcedure<M extends AccessMode, I extends z.ZodType<{ id: string }>>(mode: M, input: I) {
  return scopedProcedure.input(input).use(async ({ ctx, input: parsed, next }) => {
    const { id } = byId.parse(parsed);
    return next({ ctx: { owned: await ctx.ownership.load(id, mode) } });
  });
}
