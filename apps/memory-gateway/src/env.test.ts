import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { GatewayConfigError, parseGatewayEnv } from "./env.js";
import { toMemoryEnv } from "./stack.js";

const CHATBOT_SECRET = "c".repeat(32);
const AGENTS_SECRET = "a".repeat(32);
const JWT_SECRET = "j".repeat(40);
const minimal = {
  GATEWAY_SERVICE_TOKENS: `chatbot:${CHATBOT_SECRET},agents:${AGENTS_SECRET}`,
  GATEWAY_JWT_SECRET: JWT_SECRET,
};

function problemsOf(env: Record<string, string | undefined>): string[] {
  try {
    parseGatewayEnv(env);
  } catch (err) {
    expect(err).toBeInstanceOf(GatewayConfigError);
    return (err as GatewayConfigError).problems;
  }
  throw new Error("expected the configuration to be refused");
}

describe("parseGatewayEnv", () => {
  it("defaults to the embedded mem0, PGlite and loopback", () => {
    const config = parseGatewayEnv(minimal);
    expect(config).toMatchObject({
      host: "127.0.0.1",
      port: 4000,
      dataDir: ".data",
      relay: true,
      warmUp: { turns: 300 },
      mem0: { kind: "embedded" },
      databaseUrl: undefined,
      limits: { maxBodyBytes: 1024 * 1024, shutdownGraceMs: 10_000 },
    });
    expect(config.auth.jwt).toMatchObject({ key: { kind: "hs256" }, workspaceClaim: "workspace_id" });
  });

  it("treats empty variables as unset", () => {
    const config = parseGatewayEnv({
      ...minimal,
      GATEWAY_HOST: "",
      GATEWAY_DATA_DIR: "",
      GATEWAY_LOG_LEVEL: "",
      MEM0_API_URL: "",
    });
    expect(config).toMatchObject({
      host: "127.0.0.1",
      dataDir: ".data",
      logLevel: "info",
      mem0: { kind: "embedded" },
    });
  });

  it("keeps only SHA-256 hashes of the service tokens", () => {
    const config = parseGatewayEnv(minimal);
    expect(config.auth.serviceTokens.map((t) => t.app)).toEqual(["chatbot", "agents"]);
    const chatbot = config.auth.serviceTokens[0];
    expect(chatbot?.sha256.equals(createHash("sha256").update(CHATBOT_SECRET).digest())).toBe(true);
    expect(JSON.stringify(config)).not.toContain(CHATBOT_SECRET);
  });

  it("uses a remote mem0 and PostgreSQL when their URLs are set", () => {
    const config = parseGatewayEnv({
      ...minimal,
      MEM0_API_URL: "http://127.0.0.1:8888",
      MEM0_API_KEY: "k",
      DATABASE_URL: "postgres://u@127.0.0.1/db",
    });
    expect(config.mem0).toEqual({
      kind: "remote",
      url: "http://127.0.0.1:8888",
      apiKey: "k",
      dialect: "server",
    });
    expect(config.databaseUrl).toBe("postgres://u@127.0.0.1/db");
    expect(config.legacy).toBeUndefined();
  });

  it("a legacy store turns the cutover modes on, with the mode cache bound", () => {
    const config = parseGatewayEnv({
      ...minimal,
      LEGACY_DATABASE_URL: "postgres://u@127.0.0.1/legacy",
      MEMORY_MODE_CACHE_MS: "2000",
    });
    expect(config.legacy).toEqual({ url: "postgres://u@127.0.0.1/legacy", modeCacheMs: 2000 });
    expect(parseGatewayEnv({ ...minimal, LEGACY_DATABASE_URL: "postgres://h/l" }).legacy?.modeCacheMs).toBe(
      5000,
    );
  });

  it("keeps delivered outbox jobs 24 h unless MEMORY_OUTBOX_RETENTION_HOURS says otherwise, and hands it to the stack", () => {
    expect(parseGatewayEnv(minimal).outboxRetentionHours).toBe(24);
    const config = parseGatewayEnv({ ...minimal, MEMORY_OUTBOX_RETENTION_HOURS: "168" });
    expect(toMemoryEnv(config).outboxRetentionHours).toBe(168);
    expect(() => parseGatewayEnv({ ...minimal, MEMORY_OUTBOX_RETENTION_HOURS: "0" })).toThrow(
      "MEMORY_OUTBOX_RETENTION_HOURS",
    );
  });

  it("bounds user-token lifetimes at 24 h unless configured", () => {
    expect(parseGatewayEnv(minimal).auth.jwt.maxLifetimeSec).toBe(86_400);
    expect(parseGatewayEnv({ ...minimal, GATEWAY_JWT_MAX_LIFETIME_S: "3600" }).auth.jwt.maxLifetimeSec).toBe(
      3_600,
    );
  });

  it("grants no agent and no run by default; GATEWAY_SERVICE_GRANTS lists them per app", () => {
    const grantOf = (env: Record<string, string>, app: string) =>
      parseGatewayEnv(env).auth.serviceTokens.find((t) => t.app === app)?.grant;
    expect(grantOf(minimal, "agents")).toEqual({ agents: [], runs: false });
    const listed = {
      ...minimal,
      GATEWAY_SERVICE_GRANTS: " agents:agent=trip-planner, agents:agent=Meeting-Scribe,agents:runs ",
    };
    expect(grantOf(listed, "agents")).toEqual({ agents: ["trip-planner", "Meeting-Scribe"], runs: true });
    expect(grantOf(listed, "chatbot")).toEqual({ agents: [], runs: false });
    expect(grantOf({ ...minimal, GATEWAY_SERVICE_GRANTS: "agents:agent=*" }, "agents")).toEqual({
      agents: "any",
      runs: false,
    });
  });

  const refusals: { name: string; env: Record<string, string | undefined>; problem: RegExp }[] = [
    {
      name: "a user-token lifetime out of range",
      env: { ...minimal, GATEWAY_JWT_MAX_LIFETIME_S: "1e12" },
      problem: /^GATEWAY_JWT_MAX_LIFETIME_S: must be an integer in 60\.\.2592000/,
    },
    {
      name: "a grant for an app that may not act for agents or runs",
      env: { ...minimal, GATEWAY_SERVICE_GRANTS: "chatbot:runs" },
      problem: /^GATEWAY_SERVICE_GRANTS: entry 1: the chatbot app may not act for an agent or a run/,
    },
    {
      name: "a grant whose agent id breaks the id grammar",
      env: { ...minimal, GATEWAY_SERVICE_GRANTS: "agents:agent=trip_planner" },
      problem: /^GATEWAY_SERVICE_GRANTS: entry 1 \(agents\): agent id must be 1-64 characters/,
    },
    {
      name: "an unknown grant",
      env: { ...minimal, GATEWAY_SERVICE_GRANTS: "agents:everything" },
      problem: /^GATEWAY_SERVICE_GRANTS: entry 1 \(agents\): expected "agent=<id>", "agent=\*" or "runs"/,
    },
    {
      name: "a grant for an app without a service token",
      env: { ...minimal, GATEWAY_SERVICE_GRANTS: "workflows:runs" },
      problem: /^GATEWAY_SERVICE_GRANTS: entry 1: the workflows app has no service token/,
    },
    {
      name: "missing service tokens",
      env: { GATEWAY_JWT_SECRET: JWT_SECRET },
      problem: /^GATEWAY_SERVICE_TOKENS: required/,
    },
    {
      name: "unknown app",
      env: { ...minimal, GATEWAY_SERVICE_TOKENS: `mailer:${"m".repeat(32)}` },
      problem: /^GATEWAY_SERVICE_TOKENS: entry 1: unknown app name \(expected one of chatbot/,
    },
    {
      name: "short secret",
      env: { ...minimal, GATEWAY_SERVICE_TOKENS: "chatbot:short" },
      problem: /^GATEWAY_SERVICE_TOKENS: entry 1 \(chatbot\): the secret must be at least 24/,
    },
    {
      name: "shared secret",
      env: { ...minimal, GATEWAY_SERVICE_TOKENS: `chatbot:${CHATBOT_SECRET},agents:${CHATBOT_SECRET}` },
      problem: /two apps share one secret/,
    },
    {
      name: "no user-token key",
      env: { GATEWAY_SERVICE_TOKENS: minimal.GATEWAY_SERVICE_TOKENS },
      problem: /^GATEWAY_JWT_SECRET \/ GATEWAY_JWKS_URL: one is required/,
    },
    {
      name: "both user-token keys",
      env: { ...minimal, GATEWAY_JWKS_URL: "http://127.0.0.1:9/jwks" },
      problem: /exactly one of them/,
    },
    {
      name: "short JWT secret",
      env: { ...minimal, GATEWAY_JWT_SECRET: "x".repeat(10) },
      problem: /^GATEWAY_JWT_SECRET: must be at least 32/,
    },
    {
      name: "bad port",
      env: { ...minimal, GATEWAY_PORT: "70000" },
      problem: /^GATEWAY_PORT: must be an integer in 0\.\.65535/,
    },
    {
      name: "bad mem0 url",
      env: { ...minimal, MEM0_API_URL: "mem0.local" },
      problem: /^MEM0_API_URL: must be an http\(s\) URL/,
    },
    {
      name: "mem0 url without key",
      env: { ...minimal, MEM0_API_URL: "http://127.0.0.1:8888" },
      problem: /^MEM0_API_KEY: required/,
    },
    {
      name: "bad database url",
      env: { ...minimal, DATABASE_URL: "mysql://x" },
      problem: /^DATABASE_URL: must be a postgres/,
    },
    {
      name: "bad legacy database url",
      env: { ...minimal, LEGACY_DATABASE_URL: "mysql://x" },
      problem: /^LEGACY_DATABASE_URL: must be a postgres/,
    },
    { name: "bad dialect", env: { ...minimal, MEM0_DIALECT: "cloud" }, problem: /^MEM0_DIALECT: / },
  ];
  for (const c of refusals) {
    it(`refuses ${c.name}, naming the variable`, () => {
      expect(problemsOf(c.env).some((p) => c.problem.test(p))).toBe(true);
    });
  }

  it("never echoes an entry's text, even when the colon is missing or the pair is reversed", () => {
    const secret = "s3cr3t-value-s3cr3t-value-0123";
    const problems = [
      ...problemsOf({ ...minimal, GATEWAY_SERVICE_TOKENS: secret }),
      ...problemsOf({ ...minimal, GATEWAY_SERVICE_TOKENS: `${secret}:chatbot` }),
    ];
    expect(problems).toEqual([
      'GATEWAY_SERVICE_TOKENS: entry 1: expected "app:secret"',
      "GATEWAY_SERVICE_TOKENS: entry 1: unknown app name (expected one of chatbot, agents, workflows, admin, console)",
    ]);
  });

  it("tells what to run for mem0 problems and never prints a secret", () => {
    let message = "";
    try {
      parseGatewayEnv({ ...minimal, GATEWAY_SERVICE_TOKENS: "chatbot:tooShortSecret", MEM0_API_URL: "nope" });
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toContain("pnpm mem0:check");
    expect(message).not.toContain("tooShortSecret");
    expect(message).not.toContain(JWT_SECRET);
  });
});
