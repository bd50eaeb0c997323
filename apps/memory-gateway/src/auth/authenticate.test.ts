import type { IncomingHttpHeaders } from "node:http";
import { describe, expect, it } from "vitest";
import {
  SERVICE_TOKENS_ENV,
  signUserToken,
  TEST_JWT_SECRET,
  TEST_SERVICE_SECRETS,
} from "../../tests/helpers/tokens.js";
import { parseGatewayEnv } from "../env.js";
import { createAuthenticator } from "./authenticate.js";
import { bearerToken, createServiceTokenVerifier } from "./service-tokens.js";
import { createUserTokenVerifier } from "./user-token.js";

const config = parseGatewayEnv({
  GATEWAY_SERVICE_TOKENS: SERVICE_TOKENS_ENV,
  GATEWAY_JWT_SECRET: TEST_JWT_SECRET,
});
const auth = createAuthenticator({
  serviceTokens: createServiceTokenVerifier(config.auth.serviceTokens),
  userTokens: createUserTokenVerifier(config.auth.jwt),
});

async function headersFor(
  app: keyof typeof TEST_SERVICE_SECRETS | null,
  user: { workspaceId: string; userId: string } | null,
  extra: IncomingHttpHeaders = {},
): Promise<IncomingHttpHeaders> {
  return {
    ...(app ? { authorization: `Bearer ${TEST_SERVICE_SECRETS[app]}` } : {}),
    ...(user ? { "x-automatos-user-token": await signUserToken(user) } : {}),
    ...extra,
  };
}

const alice = { workspaceId: "w1", userId: "alice" };

describe("service tokens", () => {
  it("maps each secret to its app and nothing else", () => {
    const verifier = createServiceTokenVerifier(config.auth.serviceTokens);
    expect(verifier.verify(TEST_SERVICE_SECRETS.agents)).toBe("agents");
    expect(verifier.verify(`${TEST_SERVICE_SECRETS.agents}x`)).toBeNull();
    expect(verifier.verify("")).toBeNull();
  });
  it("reads only the Bearer scheme", () => {
    expect(bearerToken("Bearer abc")).toBe("abc");
    expect(bearerToken("bearer abc")).toBe("abc");
    expect(bearerToken("Token abc")).toBeNull();
    expect(bearerToken("Bearer a b")).toBeNull();
    expect(bearerToken(undefined)).toBeNull();
  });
});

describe("authenticate", () => {
  it("derives the principal from the service token and the verified user token", async () => {
    expect(await auth.authenticate(await headersFor("chatbot", alice))).toEqual({
      ok: true,
      principal: { app: "chatbot", workspaceId: "w1", userId: "alice" },
    });
  });

  it("lets the agents app assert the agent and run it acts for", async () => {
    const headers = await headersFor("agents", alice, {
      "x-automatos-agent-id": "a-1",
      "x-automatos-run-id": "r-1",
    });
    expect(await auth.authenticate(headers)).toEqual({
      ok: true,
      principal: { app: "agents", workspaceId: "w1", userId: "alice", agentId: "a-1", runId: "r-1" },
    });
  });

  const refusals: {
    name: string;
    headers: () => Promise<IncomingHttpHeaders>;
    code: string;
    reason: string;
  }[] = [
    {
      name: "no service token",
      headers: () => headersFor(null, alice),
      code: "UNAUTHORIZED",
      reason: "missing_service_token",
    },
    {
      name: "an unknown service token",
      headers: () => headersFor(null, alice, { authorization: "Bearer not-a-known-service-secret" }),
      code: "UNAUTHORIZED",
      reason: "unknown_service_token",
    },
    {
      name: "no user token",
      headers: () => headersFor("chatbot", null),
      code: "UNAUTHORIZED",
      reason: "missing_user_token",
    },
    {
      name: "an expired user token",
      headers: async () =>
        headersFor("chatbot", null, {
          "x-automatos-user-token": await signUserToken({ ...alice, expiresIn: -10 }),
        }),
      code: "UNAUTHORIZED",
      reason: "user_token_expired",
    },
    {
      name: "user ids outside the id grammar",
      headers: () => headersFor("chatbot", { workspaceId: "w_1", userId: "alice" }),
      code: "UNAUTHORIZED",
      reason: "invalid_identity",
    },
    {
      name: "an agent id asserted by the chatbot",
      headers: () => headersFor("chatbot", alice, { "x-automatos-agent-id": "a-1" }),
      code: "FORBIDDEN",
      reason: "assertion_not_allowed",
    },
    {
      name: "a malformed asserted run id",
      headers: () => headersFor("workflows", alice, { "x-automatos-run-id": "run_1" }),
      code: "BAD_REQUEST",
      reason: "invalid_assertion",
    },
  ];
  for (const c of refusals) {
    it(`refuses ${c.name}`, async () => {
      const outcome = await auth.authenticate(await c.headers());
      expect(outcome).toMatchObject({ ok: false, code: c.code, reason: c.reason });
    });
  }

  it("gives the same public answer for every credential failure", async () => {
    const messages = new Set<string>();
    for (const headers of [
      await headersFor(null, alice),
      await headersFor("chatbot", null),
      await headersFor(null, alice, { authorization: "Bearer wrong-wrong-wrong" }),
    ]) {
      const outcome = await auth.authenticate(headers);
      if (!outcome.ok) messages.add(outcome.publicMessage);
    }
    expect(messages.size).toBe(1);
  });
});
