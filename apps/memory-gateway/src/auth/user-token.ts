import {
  createRemoteJWKSet,
  type JWTPayload,
  type JWTVerifyGetKey,
  type JWTVerifyOptions,
  errors as joseErrors,
  jwtVerify,
} from "jose";
import type { JwtConfig } from "../config.js";
import { VerifiedTokenCache } from "./verified-cache.js";

/** The verified identity a user token carries. Ids are checked against the id grammar later (policy). */
export interface UserIdentity {
  workspaceId: string;
  userId: string;
}

/**
 * Why a token was refused. Only for logs at debug level and metrics labels — the HTTP answer is always the
 * same generic 401, so a caller cannot probe which check failed. `idp_unavailable` is not the caller's fault
 * (the JWKS endpoint timed out or failed) and is answered 503.
 */
export type UserTokenFailure =
  | "malformed"
  | "bad_signature"
  | "expired"
  | "not_yet_valid"
  | "claim_mismatch"
  | "missing_claim"
  | "lifetime_too_long"
  | "idp_unavailable";

export type UserTokenResult = { ok: true; identity: UserIdentity } | { ok: false; reason: UserTokenFailure };

export interface UserTokenVerifier {
  verify(token: string): Promise<UserTokenResult>;
}

// Asymmetric algorithms a JWKS may use; HS* is excluded so a public key can never be used as an HMAC secret.
const JWKS_ALGORITHMS = ["RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "EdDSA"];

export function createUserTokenVerifier(config: JwtConfig): UserTokenVerifier {
  const key: Uint8Array | JWTVerifyGetKey =
    config.key.kind === "hs256"
      ? config.key.secret
      : createRemoteJWKSet(new URL(config.key.url), {
          timeoutDuration: config.key.timeoutMs,
          cooldownDuration: 30_000,
          cacheMaxAge: 10 * 60_000,
        });
  const options: JWTVerifyOptions = {
    algorithms: config.key.kind === "hs256" ? ["HS256"] : JWKS_ALGORITHMS,
    issuer: config.issuer,
    audience: config.audience,
    clockTolerance: config.clockToleranceSec,
    // A token without an expiry would be valid forever; without `iat` its lifetime cannot be measured.
    requiredClaims: ["exp", "iat", "sub"],
  };

  const cache = new VerifiedTokenCache<UserIdentity>();

  return {
    async verify(token) {
      const cached = cache.get(token);
      if (cached) return { ok: true, identity: cached };
      let payload: JWTPayload;
      try {
        payload =
          key instanceof Uint8Array
            ? (await jwtVerify(token, key, options)).payload
            : (await jwtVerify(token, key, options)).payload;
      } catch (err) {
        return { ok: false, reason: classify(err) };
      }
      const lifetime = lifetimeProblem(payload, config);
      if (lifetime) return { ok: false, reason: lifetime };
      const workspaceId = payload[config.workspaceClaim];
      if (typeof payload.sub !== "string" || typeof workspaceId !== "string")
        return { ok: false, reason: "missing_claim" };
      const identity = { workspaceId, userId: payload.sub };
      cache.set(token, identity, payload.exp as number);
      return { ok: true, identity };
    },
  };
}

/**
 * `exp - iat` bounds how long a leaked token stays usable; `exp = 1e12` passes jose's checks but not this.
 * An `iat` in the future is refused too (beyond the clock tolerance): it would make `exp - iat` look short
 * while `exp` lies far ahead. Both claims are present and numeric here (required, and checked by jose).
 */
function lifetimeProblem(payload: JWTPayload, config: JwtConfig): UserTokenFailure | null {
  const iat = payload.iat as number;
  const exp = payload.exp as number;
  if (iat > Date.now() / 1000 + config.clockToleranceSec) return "not_yet_valid";
  return exp - iat > config.maxLifetimeSec ? "lifetime_too_long" : null;
}

function classify(err: unknown): UserTokenFailure {
  if (err instanceof joseErrors.JWTExpired) return "expired";
  if (err instanceof joseErrors.JWTClaimValidationFailed) {
    if (err.claim === "nbf") return "not_yet_valid";
    return err.reason === "missing" ? "missing_claim" : "claim_mismatch";
  }
  if (err instanceof joseErrors.JWSSignatureVerificationFailed) return "bad_signature";
  if (err instanceof joseErrors.JWKSNoMatchingKey || err instanceof joseErrors.JWKSMultipleMatchingKeys)
    return "bad_signature";
  if (err instanceof joseErrors.JWKSTimeout || err instanceof joseErrors.JWKSInvalid)
    return "idp_unavailable";
  if (err instanceof joseErrors.JOSEAlgNotAllowed) return "bad_signature";
  // A JWKS endpoint answering non-200 or non-JSON is a bare JOSEError; a refused connection is a plain Error.
  if (err instanceof joseErrors.JOSEError && err.code === "ERR_JOSE_GENERIC") return "idp_unavailable";
  if (err instanceof Error && !(err instanceof joseErrors.JOSEError)) return "idp_unavailable";
  return "malformed";
}
