import { randomBytes } from "node:crypto";
import { SignJWT } from "jose";

/**
 * Development sign-in on the embedded default: a fresh HS256 secret and fresh service tokens for every
 * start (nothing is written to disk), and short-lived user JWTs signed with that secret. The gateway verifies
 * them exactly as it verifies a deployment's tokens (apps/memory-gateway README, "Authentication").
 */
export interface DevCredentials {
  jwtSecret: string;
  /** chatbot and agents: the apps that write the demo memories; console: the page; admin: the operator view. */
  tokens: { chatbot: string; agents: string; console: string; admin: string };
}

export function createDevCredentials(): DevCredentials {
  const secret = () => randomBytes(32).toString("hex");
  return {
    jwtSecret: secret(),
    tokens: { chatbot: secret(), agents: secret(), console: secret(), admin: secret() },
  };
}

/** The gateway's variables for these credentials; the agents and console tokens are granted exactly `agentIds`. */
export function gatewayAuthEnv(creds: DevCredentials, agentIds: readonly string[]): Record<string, string> {
  const { chatbot, agents, console: page, admin } = creds.tokens;
  return {
    GATEWAY_SERVICE_TOKENS: `chatbot:${chatbot},agents:${agents},console:${page},admin:${admin}`,
    GATEWAY_SERVICE_GRANTS: ["agents", "console"]
      .flatMap((app) => agentIds.map((id) => `${app}:agent=${id}`))
      .join(","),
    GATEWAY_JWT_SECRET: creds.jwtSecret,
  };
}

/** Default life of a development sign-in: long enough to look around, short enough to be worthless later. */
export const DEV_JWT_LIFETIME_S = 30 * 60;

export async function signDevJwt(
  creds: DevCredentials,
  who: { workspaceId: string; userId: string },
  lifetimeS = DEV_JWT_LIFETIME_S,
): Promise<string> {
  return new SignJWT({ workspace_id: who.workspaceId })
    .setProtectedHeader({ alg: "HS256" })
    .setSubject(who.userId)
    .setIssuedAt()
    .setExpirationTime(`${lifetimeS}s`)
    .sign(new TextEncoder().encode(creds.jwtSecret));
}
