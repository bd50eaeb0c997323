/**
 * Signs an HS256 user token, as an identity provider does: `sub` is the user id and a claim (default
 * `workspace_id`) the workspace id, the convention the chatbot's API and the gateway both verify. For local
 * use only: the terminal chat through a gateway and the apps' tests. `expiresInSec` defaults
 * to 15 minutes.
 */
import { SignJWT } from "jose";

export async function signUserToken(
  secret: Uint8Array,
  identity: { workspaceId: string; userId: string },
  options: { expiresInSec?: number; workspaceClaim?: string; issuer?: string; audience?: string } = {},
): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const jwt = new SignJWT({ [options.workspaceClaim ?? "workspace_id"]: identity.workspaceId })
    .setProtectedHeader({ alg: "HS256" })
    .setSubject(identity.userId)
    .setIssuedAt(now)
    .setExpirationTime(now + (options.expiresInSec ?? 900));
  if (options.issuer) jwt.setIssuer(options.issuer);
  if (options.audience) jwt.setAudience(options.audience);
  return jwt.sign(secret);
}
