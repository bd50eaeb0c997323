import { z } from "zod";
import { rawIdSchema } from "./raw-id.js";
import { err, ok, type Result } from "./result.js";
import { summariseIssue } from "./zod-issue.js";

export const APP_NAMES = ["chatbot", "agents", "workflows", "admin", "console"] as const;
export type AppName = (typeof APP_NAMES)[number];

/**
 * Who is calling: the app and the end user's VERIFIED identity (from a token or a trusted service), plus the
 * agent or workflow run the app acts for. Every scope is derived from this object, never from client input.
 * For `admin` the ids identify the operator; admin targets are given separately (see forget.ts). `console` is
 * the memory page: a person looking at, correcting and erasing their own memories.
 */
export interface Principal {
  app: AppName;
  workspaceId: string;
  userId: string;
  agentId?: string;
  runId?: string;
}

/** Strict: an unknown key (say `user_id` instead of `userId`) is a bug in the caller, not something to ignore. */
export const principalSchema = z.strictObject(
  {
    app: z.enum(APP_NAMES, {
      error: (issue) =>
        issue.input === undefined ? "is required" : `must be one of ${APP_NAMES.join(", ")}`,
    }),
    workspaceId: rawIdSchema,
    userId: rawIdSchema,
    agentId: rawIdSchema.optional(),
    runId: rawIdSchema.optional(),
  },
  { error: "must be an object" },
) satisfies z.ZodType<Principal, unknown>;

/**
 * The principals parsePrincipal returned, frozen: the policy's functions take a Principal from anyone and
 * must validate it, but a request's principal is parsed once (the router's authed step) and then passed to
 * several of them. Passing the parsed object back is recognised here instead of parsed again.
 */
const parsedPrincipals = new WeakSet<Principal>();

/** Validates and canonicalises a principal (UUID-shaped ids are lower-cased; see raw-id.ts). */
export function parsePrincipal(input: unknown): Result<Principal> {
  if (typeof input === "object" && input !== null && parsedPrincipals.has(input as Principal)) {
    return ok(input as Principal);
  }
  const parsed = principalSchema.safeParse(input);
  if (parsed.success) {
    const principal = Object.freeze(parsed.data);
    parsedPrincipals.add(principal);
    return ok(principal);
  }
  const first = parsed.error.issues[0];
  if (first === undefined) return err("INVALID_PRINCIPAL", "principal is invalid", "principal");
  const { field, message, isId } = summariseIssue(first, input, "principal");
  return err(isId ? "INVALID_ID" : "INVALID_PRINCIPAL", message, field);
}
