import type { IncomingHttpHeaders } from "node:http";
import { describe, expect, it } from "vitest";
import { parseGatewayEnv } from "../env.js";
import {
  SERVICE_TOKENS_ENV,
  signUserToken,
  TEST_JWT_SECRET,
  TEST_SERVICE_SECRETS,
} from "../testing/tokens.js";
import { createAuthenticator } from "./authenticate.js";
import { bearerToken, createServiceTokenVerifier } from "./service-tokens.js";
import { createUserTokenVerifier } from "./user-token.js";

const config = parseGatewayEnv({
  GATEWAY_SERVICE_TOKENS: SERVICE_TOKENS_ENV,
  GATEWAY_JWT_SECRET: TEST_JWT_SECRET,
  GATEWAY_SERVICE_GRANTS: "agents:agent=a-1,agents:runs,workflows:runs",
});
function authenticatorFor(grants: string | undefined) {
  const c = parseGatewayEnv({
    GATEWAY_SERVICE_TOKENS: SERVICE_TOKENS_ENV,
    GATEWAY_JWT_SECRET: TEST_JWT_SECRET,
    GATEWAY_SERVICE_GRANTS: grants,
  });
  const authenticator = createAuthenticator({
    serviceTokens: createServiceTokenVerifier(c.auth.serviceTokens),
    userTokens: createUserTokenVerifier(c.auth.jwt),
  });
  // Node's rawHeaders: one name/value pair per header line, as received.
  return {
    authenticate: (headers: IncomingHttpHeaders, rawHeaders = rawOf(headers)) =>
      authenticator.authenticate(headers, rawHeaders),
  };
}
function rawOf(headers: IncomingHttpHeaders): string[] {
  return Object.entries(headers).flatMap(([name, value]) =>
    (Array.isArray(value) ? value : [value ?? ""]).flatMap((v) => [name, v]),
  );
}
const auth = authenticatorFor("agents:agent=a-1,agents:runs,workflows:runs");

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
    expect(verifier.verify(TEST_SERVICE_SECRETS.agents)).toEqual({
      app: "agents",
      grant: { agents: ["a-1"], runs: true },
    });
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

  it("refuses a repeated Authorization or user-token header seen only in the raw headers (Node keeps one)", async () => {
    const headers = await headersFor("chatbot", alice);
    for (const [name, value] of [
      ["Authorization", `Bearer ${TEST_SERVICE_SECRETS.admin}`],
      ["AUTHORIZATION", headers.authorization as string],
      ["X-Automatos-User-Token", headers["x-automatos-user-token"] as string],
    ] as const) {
      const outcome = await auth.authenticate(headers, [...rawOf(headers), name, value]);
      expect(outcome).toMatchObject({ ok: false, code: "BAD_REQUEST", reason: "repeated_header" });
      if (outcome.ok) continue;
      expect(outcome.publicMessage).toBe(`the ${name.toLowerCase()} header must be sent once`);
      for (const secret of Object.values(TEST_SERVICE_SECRETS))
        expect(outcome.publicMessage).not.toContain(secret);
    }
  });

  it("binds the agent and run ids to the service token's grants", async () => {
    const ok = await auth.authenticate(await headersFor("workflows", alice, { "x-automatos-run-id": "r-9" }));
    expect(ok).toMatchObject({ ok: true, principal: { app: "workflows", runId: "r-9" } });
    const refused = [
      // Granted a-1 only: the same token cannot switch to another agent of the workspace.
      await auth.authenticate(await headersFor("agents", alice, { "x-automatos-agent-id": "a-2" })),
      // workflows may assert runs but was granted no agent.
      await auth.authenticate(await headersFor("workflows", alice, { "x-automatos-agent-id": "a-1" })),
    ];
    for (const outcome of refused)
      expect(outcome).toMatchObject({ ok: false, code: "FORBIDDEN", reason: "agent_not_granted" });
    expect(refused[0]).toMatchObject({
      publicMessage:
        "the agents app's service token is not granted this x-automatos-agent-id (GATEWAY_SERVICE_GRANTS)",
    });
  });

  it("lets a token with no grants act for no agent and no run (the safe default)", async () => {
    const bare = authenticatorFor(undefined);
    expect(
      await bare.authenticate(await headersFor("agents", alice, { "x-automatos-agent-id": "a-1" })),
    ).toMatchObject({ ok: false, code: "FORBIDDEN", reason: "agent_not_granted" });
    expect(
      await bare.authenticate(await headersFor("workflows", alice, { "x-automatos-run-id": "r-1" })),
    ).toMatchObject({ ok: false, code: "FORBIDDEN", reason: "run_not_granted" });
    expect(await bare.authenticate(await headersFor("agents", alice))).toMatchObject({
      ok: true,
      principal: { app: "agents", userId: "alice" },
    });
  });

  it("honours an explicit any-agent grant", async () => {
    const any = authenticatorFor("agents:agent=*");
    expect(
      await any.authenticate(await headersFor("agents", alice, { "x-automatos-agent-id": "whoever" })),
    ).toMatchObject({ ok: true, principal: { agentId: "whoever" } });
  });

  it("compares granted agent ids in canonical form (UUIDs in any case)", async () => {
    const uuid = "0F8FAD5B-D9CB-469F-A165-70867728950E";
    const granted = authenticatorFor(`agents:agent=${uuid}`);
    expect(
      await granted.authenticate(
        await headersFor("agents", alice, { "x-automatos-agent-id": uuid.toLowerCase() }),
      ),
    ).toMatchObject({ ok: true, principal: { agentId: uuid.toLowerCase() } });
  });

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
