import type { IncomingHttpHeaders } from "node:http";
import { type Principal, parsePrincipal } from "@automatos/memory-policy";
import type { AppName } from "../config.js";
import { GATEWAY_HEADERS } from "./headers.js";
import { bearerToken, type ServiceTokenVerifier } from "./service-tokens.js";
import type { UserTokenFailure, UserTokenVerifier } from "./user-token.js";

/**
 * Which apps may assert which acting identity by header. The trust model: the app is authenticated by its
 * service token, so when the agents app says "I am running agent A" or the workflows app says "this is run R",
 * the gateway believes it — the same way it would if the router ran inside that app. The end user's identity
 * is never asserted: it comes from the verified JWT only. The chatbot and admin apps act for no agent or run,
 * so the headers are refused from them rather than silently ignored.
 */
export const ASSERTABLE: Record<AppName, { agentId: boolean; runId: boolean }> = {
  chatbot: { agentId: false, runId: false },
  agents: { agentId: true, runId: true },
  workflows: { agentId: true, runId: true },
  admin: { agentId: false, runId: false },
};

export type AuthFailureReason =
  | "missing_service_token"
  | "unknown_service_token"
  | "missing_user_token"
  | `user_token_${UserTokenFailure}`
  | "invalid_identity"
  | "assertion_not_allowed"
  | "invalid_assertion";

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

export function createAuthenticator(deps: {
  serviceTokens: ServiceTokenVerifier;
  userTokens: UserTokenVerifier;
}) {
  return {
    async authenticate(headers: IncomingHttpHeaders): Promise<AuthOutcome> {
      const presented = bearerToken(single(headers[GATEWAY_HEADERS.serviceToken]) ?? undefined);
      if (!presented) return refuse("UNAUTHORIZED", "missing_service_token");
      const app = deps.serviceTokens.verify(presented);
      if (!app) return refuse("UNAUTHORIZED", "unknown_service_token");

      const userToken = single(headers[GATEWAY_HEADERS.userToken]);
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
        ["agentId", GATEWAY_HEADERS.agentId],
        ["runId", GATEWAY_HEADERS.runId],
      ] as const) {
        const value = single(headers[header]);
        if (value === undefined) continue;
        if (value === null) return refuse("BAD_REQUEST", "invalid_assertion", `${header} must be sent once`);
        if (!ASSERTABLE[app][field])
          return refuse("FORBIDDEN", "assertion_not_allowed", `the ${app} app may not send ${header}`);
        candidate[field] = value;
      }

      const parsed = parsePrincipal(candidate);
      if (parsed.ok) return { ok: true, principal: parsed.value };
      // Ids from the verified token that break the id grammar: the token is unusable, say no more than 401.
      const field = parsed.error.field ?? "";
      if (field.endsWith("agentId") || field.endsWith("runId")) {
        const header = field.endsWith("agentId") ? GATEWAY_HEADERS.agentId : GATEWAY_HEADERS.runId;
        return refuse("BAD_REQUEST", "invalid_assertion", `${header}: ${parsed.error.message}`);
      }
      return refuse("UNAUTHORIZED", "invalid_identity");
    },
  };
}

export type Authenticator = ReturnType<typeof createAuthenticator>;
