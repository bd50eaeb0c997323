import { SignJWT } from "jose";

export const TEST_JWT_SECRET = "test-jwt-secret-0123456789-abcdefghijklmnop";
export const TEST_SERVICE_SECRETS = {
  chatbot: "chatbot-service-secret-0123456789",
  agents: "agents-service-secret-0123456789a",
  workflows: "workflows-service-secret-012345678",
  admin: "admin-service-secret-0123456789abc",
} as const;

export const SERVICE_TOKENS_ENV = Object.entries(TEST_SERVICE_SECRETS)
  .map(([app, secret]) => `${app}:${secret}`)
  .join(",");

export interface UserTokenClaims {
  workspaceId: string;
  userId: string;
  /** Seconds from now; negative for an already expired token. */
  expiresIn?: number;
  /** Absolute `exp` (seconds since the epoch); wins over `expiresIn`. */
  expiresAt?: number;
  /** `iat` in seconds from now (default 0); null leaves the claim out. */
  issuedAt?: number | null;
  notBefore?: number;
  audience?: string;
  issuer?: string;
  secret?: string;
  workspaceClaim?: string;
}

/** Signs an HS256 end-user token the way an identity provider would. */
export async function signUserToken(claims: UserTokenClaims): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const jwt = new SignJWT({ [claims.workspaceClaim ?? "workspace_id"]: claims.workspaceId })
    .setProtectedHeader({ alg: "HS256" })
    .setSubject(claims.userId)
    .setExpirationTime(claims.expiresAt ?? now + (claims.expiresIn ?? 300));
  if (claims.issuedAt !== null) jwt.setIssuedAt(now + (claims.issuedAt ?? 0));
  if (claims.notBefore !== undefined) jwt.setNotBefore(now + claims.notBefore);
  if (claims.audience) jwt.setAudience(claims.audience);
  if (claims.issuer) jwt.setIssuer(claims.issuer);
  return jwt.sign(new TextEncoder().encode(claims.secret ?? TEST_JWT_SECRET));
}
