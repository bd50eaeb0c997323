/**
 * The memory page's own identity (`console` in @automatos/memory-policy): its service token plus the signed-in
 * person's JWT; it may name an agent it is granted (to see what that agent keeps about the person), never a
 * run, and never an agent it is not granted.
 */
import type { IncomingHttpHeaders } from "node:http";
import { describe, expect, it } from "vitest";
import { GatewayConfigError, parseGatewayEnv } from "../env.js";
import { SERVICE_TOKENS_ENV, signUserToken, TEST_JWT_SECRET } from "../testing/tokens.js";
import { createAuthenticator } from "./authenticate.js";
import { createServiceTokenVerifier } from "./service-tokens.js";
import { createUserTokenVerifier } from "./user-token.js";

const CONSOLE_SECRET = "console-service-secret-0123456789ab";
const env = (grants: string) => ({
  GATEWAY_SERVICE_TOKENS: `${SERVICE_TOKENS_ENV},console:${CONSOLE_SECRET}`,
  GATEWAY_JWT_SECRET: TEST_JWT_SECRET,
  GATEWAY_SERVICE_GRANTS: grants,
});

const config = parseGatewayEnv(env("console:agent=trip-planner"));
const authenticator = createAuthenticator({
  serviceTokens: createServiceTokenVerifier(config.auth.serviceTokens),
  userTokens: createUserTokenVerifier(config.auth.jwt),
});

async function asConsole(userId: string, extra: IncomingHttpHeaders = {}) {
  const headers: IncomingHttpHeaders = {
    authorization: `Bearer ${CONSOLE_SECRET}`,
    "x-automatos-user-token": await signUserToken({ workspaceId: "demo", userId }),
    ...extra,
  };
  const raw = Object.entries(headers).flatMap(([name, value]) => [name, String(value)]);
  return authenticator.authenticate(headers, raw);
}

describe("the console app", () => {
  it("is the signed-in person, from the JWT only", async () => {
    expect(await asConsole("alice")).toMatchObject({
      ok: true,
      principal: { app: "console", workspaceId: "demo", userId: "alice" },
    });
  });

  it("may name a granted agent, not another one, and never a run", async () => {
    expect(await asConsole("alice", { "x-automatos-agent-id": "trip-planner" })).toMatchObject({
      ok: true,
      principal: { app: "console", userId: "alice", agentId: "trip-planner" },
    });
    expect(await asConsole("alice", { "x-automatos-agent-id": "meeting-scribe" })).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
      reason: "agent_not_granted",
    });
    expect(await asConsole("alice", { "x-automatos-run-id": "r-1" })).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
    });
  });

  it("cannot be granted runs", () => {
    expect(() => parseGatewayEnv(env("console:runs"))).toThrow(GatewayConfigError);
    expect(() => parseGatewayEnv(env("console:runs"))).toThrow(/the console app may not act for a run/);
  });
});
