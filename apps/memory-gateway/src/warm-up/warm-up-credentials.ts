import { createHash, randomBytes } from "node:crypto";
import { type Authenticator, createAuthenticator } from "../auth/authenticate.js";
import { createServiceTokenVerifier } from "../auth/service-tokens.js";
import type { UserTokenVerifier } from "../auth/user-token.js";
import { secretMatches } from "../http/secret-matches.js";

/** What the warm-up client presents, and the authenticator of the warm-up server that accepts only that. */
export interface WarmUpCredentials {
  serviceToken: string;
  userToken: string;
  /** A workspace nobody else has: fresh per start, so the warm-up's memories can collide with no tenant's. */
  workspaceId: string;
  authenticator: Authenticator;
}

export const WARM_UP_USER = "warm-up";

/**
 * One-time credentials for the start-up warm-up. The warm-up server runs the real authenticator (the same
 * checks, the same code to warm) over a service token and a user token that exist only in this process's
 * memory for the few seconds of the warm-up: the configured tokens and JWT keys are never used, so nothing
 * here can mint a credential the public port would accept.
 */
export function createWarmUpCredentials(): WarmUpCredentials {
  const serviceToken = randomBytes(32).toString("base64url");
  const userToken = randomBytes(32).toString("base64url");
  const workspaceId = `gateway-warm-up-${randomBytes(8).toString("hex")}`;
  const userTokens: UserTokenVerifier = {
    async verify(token) {
      return secretMatches(token, userToken)
        ? { ok: true, identity: { workspaceId, userId: WARM_UP_USER } }
        : { ok: false, reason: "bad_signature" };
    },
  };
  const authenticator = createAuthenticator({
    serviceTokens: createServiceTokenVerifier([
      {
        app: "chatbot",
        sha256: createHash("sha256").update(serviceToken, "utf8").digest(),
        grant: { agents: [], runs: false },
      },
    ]),
    userTokens,
  });
  return { serviceToken, userToken, workspaceId, authenticator };
}
