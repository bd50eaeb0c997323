import type { IncomingHttpHeaders } from "node:http";
import { MEMORY_HEADERS } from "@automatos/memory/client";
import { type Principal, parsePrincipal } from "@automatos/memory-policy";
import type { AppName, ServiceGrant } from "../config.js";
import { bearerToken, type ServiceTokenVerifier } from "./service-tokens.js";
import type { UserTokenFailure, UserTokenVerifier } from "./user-token.js";

/**
 * Which apps may assert which acting identity by header at all. The end user's identity is never asserted:
 * it comes from the verified JWT only. The chatbot and admin apps act for no agent or run, so the headers
 * are refused from them rather than silently ignored. Within this bound, what one agents or workflows token
 * may assert is its grant (GATEWAY_SERVICE_GRANTS, default none): one leaked token reaches only the agents
 * it was granted, not every agent of every workspace.
 */
export const ASSERTABLE: Record<AppName, { agentId: boolean; runId: boolean }> = {
  chatbot: { agentId: false, runId: false },
  agents: { agentId: true, runId: true },
  workflows: { agentId: true, runId: true },
  admin: { agentId: false, runId: false },
  // The memory page: the person looks at what an agent keeps about them (agent-user), never at a run.
  console: { agentId: true, runId: false },
};

export type AuthFailureReason =
  | "missing_service_token"
  | "unknown_service_token"
  | "missing_user_token"
  | `user_token_${UserTokenFailure}`
  | "invalid_identity"
  | "assertion_not_allowed"
  | "agent_not_granted"
  | "run_not_granted"
  | "invalid_assertion"
  | "repeated_header";

/**
 * A refusal. `publicMessage` is what the caller sees: generic for credentials (it must not help guess which
 * part failed), precise for header assertions (those come from an authenticated app and are bugs to fix).
 */
export interface AuthFailure {
  ok: false;
  code: "UNAUTHORIZED" | "FORBIDDEN" | "BAD_REQUEST" | "SERVICE_UNAVAILABLE";
  reason: AuthFailureReason;
  publicMessage: string;
}

export type AuthOutcome = { ok: true; principal: Principal } | AuthFailure;

const UNAUTHORIZED = "authentication required: send a valid service token and user token";

function refuse(
  code: AuthFailure["code"],
  reason: AuthFailureReason,
  publicMessage = UNAUTHORIZED,
): AuthFailure {
  return { ok: false, code, reason, publicMessage };
}

function single(value: string | string[] | undefined): string | undefined | null {
  if (Array.isArray(value)) return null; // a repeated header is ambiguous: refuse rather than pick one
  return value === undefined || value === "" ? undefined : value;
}

/**
 * Node keeps only the first `Authorization` (and joins repeated `x-*` headers with ", "), so `req.headers`
 * cannot show a repeat; `req.rawHeaders` (name, value, name, value, ... as received) can. A credential or
 * identity header sent twice is ambiguous — a proxy and the app may each read a different one — so the
 * request is refused. Returns the first repeated name, lower-cased.
 */
const SINGLE_HEADERS: ReadonlySet<string> = new Set([
  MEMORY_HEADERS.serviceToken,
  MEMORY_HEADERS.userToken,
  MEMORY_HEADERS.agentId,
  MEMORY_HEADERS.runId,
]);
function repeatedHeader(rawHeaders: readonly string[]): string | null {
  const seen = new Set<string>();
  for (let i = 0; i < rawHeaders.length; i += 2) {
    const name = (rawHeaders[i] as string).toLowerCase();
    if (!SINGLE_HEADERS.has(name)) continue;
    if (seen.has(name)) return name;
    seen.add(name);
  }
  return null;
}

export function createAuthenticator(deps: {
  serviceTokens: ServiceTokenVerifier;
  userTokens: UserTokenVerifier;
}) {
  return {
    /** `rawHeaders` is `req.rawHeaders`: the only place a repeated `Authorization` is visible. */
    async authenticate(headers: IncomingHttpHeaders, rawHeaders: readonly string[]): Promise<AuthOutcome> {
      const repeated = repeatedHeader(rawHeaders);
      if (repeated)
        return refuse("BAD_REQUEST", "repeated_header", `the ${repeated} header must be sent once`);
      const presented = bearerToken(single(headers[MEMORY_HEADERS.serviceToken]) ?? undefined);
      if (!presented) return refuse("UNAUTHORIZED", "missing_service_token");
      const service = deps.serviceTokens.verify(presented);
      if (!service) return refuse("UNAUTHORIZED", "unknown_service_token");
      const { app } = service;

      const userToken = single(headers[MEMORY_HEADERS.userToken]);
      if (!userToken) return refuse("UNAUTHORIZED", "missing_user_token");
      const verified = await deps.userTokens.verify(userToken);
      if (!verified.ok) {
        return verified.reason === "idp_unavailable"
          ? refuse(
              "SERVICE_UNAVAILABLE",
              "user_token_idp_unavailable",
              "identity provider unavailable, retry later",
            )
          : refuse("UNAUTHORIZED", `user_token_${verified.reason}`);
      }

      const candidate: Record<string, unknown> = { app, ...verified.identity };
      for (const [field, header] of [
        ["agentId", MEMORY_HEADERS.agentId],
        ["runId", MEMORY_HEADERS.runId],
      ] as const) {
        const value = single(headers[header]);
        if (value === undefined) continue;
        if (value === null) return refuse("BAD_REQUEST", "invalid_assertion", `${header} must be sent once`);
        if (!ASSERTABLE[app][field])
          return refuse("FORBIDDEN", "assertion_not_allowed", `the ${app} app may not send ${header}`);
        candidate[field] = value;
      }

      const parsed = parsePrincipal(candidate);
      if (parsed.ok) return checkGrant(parsed.value, service.grant);
      // Ids from the verified token that break the id grammar: the token is unusable, say no more than 401.
      const field = parsed.error.field ?? "";
      if (field.endsWith("agentId") || field.endsWith("runId")) {
        const header = field.endsWith("agentId") ? MEMORY_HEADERS.agentId : MEMORY_HEADERS.runId;
        return refuse("BAD_REQUEST", "invalid_assertion", `${header}: ${parsed.error.message}`);
      }
      return refuse("UNAUTHORIZED", "invalid_identity");
    },
  };
}

/** The asserted ids, canonical after parsePrincipal, must be within what the token was granted. */
function checkGrant(principal: Principal, grant: ServiceGrant): AuthOutcome {
  const { agentId, runId } = principal;
  if (agentId !== undefined && grant.agents !== "any" && !grant.agents.includes(agentId))
    return refuse("FORBIDDEN", "agent_not_granted", notGranted(principal.app, MEMORY_HEADERS.agentId));
  if (runId !== undefined && !grant.runs)
    return refuse("FORBIDDEN", "run_not_granted", notGranted(principal.app, MEMORY_HEADERS.runId));
  return { ok: true, principal };
}

// Names the header and the variable to fix, never the asserted value.
const notGranted = (app: AppName, header: string) =>
  `the ${app} app's service token is not granted this ${header} (GATEWAY_SERVICE_GRANTS)`;

export type Authenticator = ReturnType<typeof createAuthenticator>;
