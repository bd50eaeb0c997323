import { signUserToken } from "@automatos/app-runtime";
import { SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import { createUserAuthenticator } from "./user-auth.js";

const secret = new TextEncoder().encode("chatbot-test-jwt-secret-0123456789abcdef");
const auth = createUserAuthenticator({ secret, workspaceClaim: "workspace_id" });

describe("createUserAuthenticator", () => {
  it("turns a valid token into the identity it names, keeping the token for the gateway", async () => {
    const token = await signUserToken(secret, { workspaceId: "acme", userId: "alice" });
    expect(await auth.authenticate(`Bearer ${token}`)).toEqual({
      ok: true,
      identity: { workspaceId: "acme", userId: "alice", userToken: token },
    });
  });

  it.each([
    ["no header", undefined],
    ["not a bearer token", "Basic abc"],
    ["garbage", "Bearer x.y.z"],
  ])("refuses %s", async (_name, header) => {
    expect((await auth.authenticate(header)).ok).toBe(false);
  });

  it("refuses a token signed with another secret, an expired one, and one with an invalid identity", async () => {
    const other = await signUserToken(new TextEncoder().encode("another-secret-0123456789abcdefghijkl"), {
      workspaceId: "acme",
      userId: "alice",
    });
    const expired = await signUserToken(
      secret,
      { workspaceId: "acme", userId: "alice" },
      { expiresInSec: -60 },
    );
    const colliding = await signUserToken(secret, { workspaceId: "1_user_2", userId: "3" });
    for (const token of [other, expired, colliding])
      expect((await auth.authenticate(`Bearer ${token}`)).ok).toBe(false);
  });

  it("refuses an unsigned token (alg none) and one without the workspace claim", async () => {
    const header = Buffer.from(JSON.stringify({ alg: "none" })).toString("base64url");
    const body = Buffer.from(JSON.stringify({ sub: "alice", workspace_id: "acme" })).toString("base64url");
    expect((await auth.authenticate(`Bearer ${header}.${body}.`)).ok).toBe(false);
    const noWorkspace = await new SignJWT({})
      .setProtectedHeader({ alg: "HS256" })
      .setSubject("alice")
      .setExpirationTime("5m")
      .sign(secret);
    expect((await auth.authenticate(`Bearer ${noWorkspace}`)).ok).toBe(false);
  });

  it("checks issuer and audience when configured", async () => {
    const strict = createUserAuthenticator({
      secret,
      workspaceClaim: "workspace_id",
      issuer: "idp",
      audience: "automatos",
    });
    const good = await signUserToken(
      secret,
      { workspaceId: "acme", userId: "alice" },
      { issuer: "idp", audience: "automatos" },
    );
    const wrong = await signUserToken(
      secret,
      { workspaceId: "acme", userId: "alice" },
      { issuer: "evil", audience: "automatos" },
    );
    expect((await strict.authenticate(`Bearer ${good}`)).ok).toBe(true);
    expect((await strict.authenticate(`Bearer ${wrong}`)).ok).toBe(false);
  });
});
