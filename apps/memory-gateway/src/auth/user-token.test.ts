import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { exportJWK, generateKeyPair, SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { JwtConfig } from "../config.js";
import { signUserToken, TEST_JWT_SECRET } from "../testing/tokens.js";
import { createUserTokenVerifier } from "./user-token.js";

const hs256: JwtConfig = {
  key: { kind: "hs256", secret: new TextEncoder().encode(TEST_JWT_SECRET) },
  workspaceClaim: "workspace_id",
  clockToleranceSec: 0,
  maxLifetimeSec: 86_400,
};

describe("HS256 user tokens", () => {
  const verifier = createUserTokenVerifier({
    ...hs256,
    audience: "automatos-memory",
    issuer: "https://id.test",
  });
  const base = { workspaceId: "w1", userId: "u1", audience: "automatos-memory", issuer: "https://id.test" };

  it("accepts a valid token and reads sub and the workspace claim", async () => {
    expect(await verifier.verify(await signUserToken(base))).toEqual({
      ok: true,
      identity: { workspaceId: "w1", userId: "u1" },
    });
  });

  const cases: { name: string; token: () => Promise<string>; reason: string }[] = [
    { name: "expired", token: () => signUserToken({ ...base, expiresIn: -60 }), reason: "expired" },
    {
      name: "not yet valid",
      token: () => signUserToken({ ...base, notBefore: 600 }),
      reason: "not_yet_valid",
    },
    {
      name: "wrong audience",
      token: () => signUserToken({ ...base, audience: "other" }),
      reason: "claim_mismatch",
    },
    {
      name: "wrong issuer",
      token: () => signUserToken({ ...base, issuer: "https://evil.test" }),
      reason: "claim_mismatch",
    },
    {
      name: "signed with another secret",
      token: () => signUserToken({ ...base, secret: "another-secret-another-secret-another" }),
      reason: "bad_signature",
    },
    { name: "garbage", token: async () => "not.a.jwt", reason: "malformed" },
    {
      name: "without the workspace claim",
      token: () => signUserToken({ ...base, workspaceClaim: "org" }),
      reason: "missing_claim",
    },
    {
      name: "without exp",
      token: () =>
        new SignJWT({ workspace_id: "w1" })
          .setProtectedHeader({ alg: "HS256" })
          .setSubject("u1")
          .setAudience(base.audience)
          .setIssuer(base.issuer)
          .sign(new TextEncoder().encode(TEST_JWT_SECRET)),
      reason: "missing_claim",
    },
    {
      name: "valid until the year 33658 (exp = 1e12)",
      token: () => signUserToken({ ...base, expiresAt: 1e12 }),
      reason: "lifetime_too_long",
    },
    {
      name: "issued for 25 hours (default maximum 24 h)",
      token: () => signUserToken({ ...base, expiresIn: 25 * 3600 }),
      reason: "lifetime_too_long",
    },
    {
      name: "without iat (its lifetime cannot be bounded)",
      token: () => signUserToken({ ...base, issuedAt: null }),
      reason: "missing_claim",
    },
    {
      name: "issued in the future (a future iat would stretch exp - iat)",
      token: () => signUserToken({ ...base, issuedAt: 3600, expiresIn: 7200 }),
      reason: "not_yet_valid",
    },
    {
      name: "alg none",
      token: async () => {
        const enc = (o: object) => Buffer.from(JSON.stringify(o)).toString("base64url");
        const exp = Math.floor(Date.now() / 1000) + 60;
        return `${enc({ alg: "none" })}.${enc({ sub: "u1", workspace_id: "w1", exp, aud: base.audience, iss: base.issuer })}.`;
      },
      reason: "bad_signature",
    },
  ];
  for (const c of cases) {
    it(`refuses a token that is ${c.name}`, async () => {
      expect(await verifier.verify(await c.token())).toEqual({ ok: false, reason: c.reason });
    });
  }

  it("accepts a lifetime of exactly the maximum, and a shorter configured maximum applies", async () => {
    const exact = await signUserToken({ ...base, expiresIn: 86_400 });
    expect(await verifier.verify(exact)).toMatchObject({ ok: true });
    const strict = createUserTokenVerifier({ ...hs256, maxLifetimeSec: 3_600 });
    expect(await strict.verify(await signUserToken({ ...base, expiresIn: 3_600 }))).toMatchObject({
      ok: true,
    });
    expect(await strict.verify(await signUserToken({ ...base, expiresIn: 3_601 }))).toEqual({
      ok: false,
      reason: "lifetime_too_long",
    });
  });
});

describe("JWKS user tokens (identity provider on loopback)", () => {
  let server: Server;
  let url: string;
  let sign: (claims: Record<string, unknown>) => Promise<string>;
  let jwksStatus = 200;
  let jwksDelayMs = 0;

  beforeAll(async () => {
    const { publicKey, privateKey } = await generateKeyPair("ES256");
    const jwk = { ...(await exportJWK(publicKey)), kid: "k1", alg: "ES256", use: "sig" };
    sign = (claims) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: "ES256", kid: "k1" })
        .setSubject("u-9")
        .setIssuedAt()
        .setExpirationTime("5m")
        .sign(privateKey);
    server = createServer((_req, res) => {
      setTimeout(() => {
        res.statusCode = jwksStatus;
        res.setHeader("content-type", "application/json");
        res.end(JSON.stringify({ keys: [jwk] }));
      }, jwksDelayMs);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks.json`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  const jwksConfig = (timeoutMs = 500): JwtConfig => ({
    key: { kind: "jwks", url, timeoutMs },
    workspaceClaim: "wid",
    clockToleranceSec: 0,
    maxLifetimeSec: 86_400,
  });

  it("verifies a token against the published key, with a configurable workspace claim", async () => {
    jwksStatus = 200;
    jwksDelayMs = 0;
    const verifier = createUserTokenVerifier(jwksConfig());
    expect(await verifier.verify(await sign({ wid: "w-9" }))).toEqual({
      ok: true,
      identity: { workspaceId: "w-9", userId: "u-9" },
    });
  });

  it("refuses an HS256 token when only asymmetric algorithms are allowed (no algorithm confusion)", async () => {
    const verifier = createUserTokenVerifier(jwksConfig());
    const forged = await signUserToken({ workspaceId: "w-9", userId: "u-9" });
    expect(await verifier.verify(forged)).toEqual({ ok: false, reason: "bad_signature" });
  });

  it("reports the identity provider as unavailable when the JWKS times out or fails", async () => {
    jwksDelayMs = 300;
    const slow = createUserTokenVerifier(jwksConfig(100));
    expect(await slow.verify(await sign({ wid: "w-9" }))).toEqual({ ok: false, reason: "idp_unavailable" });
    jwksDelayMs = 0;
    jwksStatus = 500;
    const failing = createUserTokenVerifier(jwksConfig());
    expect(await failing.verify(await sign({ wid: "w-9" }))).toEqual({
      ok: false,
      reason: "idp_unavailable",
    });
    jwksStatus = 200;
  });
});
