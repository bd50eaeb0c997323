/**
 * End-user authentication for the HTTP API: `Authorization: Bearer <JWT>`, HS256, verified with jose
 * (signature, exp/nbf with a small clock tolerance, issuer/audience when configured). `sub` is the user id
 * and a configurable claim the workspace id, the same convention as the gateway, so one token works for
 * both: through the gateway the chatbot forwards it and the gateway verifies it again.
 */

import type { Identity } from "@automatos/app-runtime";
import { parsePrincipal } from "@automatos/memory-policy";
import { errors as joseErrors, jwtVerify } from "jose";
import type { JwtSettings } from "../config.js";

export type AuthResult = { ok: true; identity: Identity } | { ok: false; reason: string };

const BEARER = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/;

export function createUserAuthenticator(settings: JwtSettings) {
  const secret = settings.secret;
  if (!secret) throw new Error("CHATBOT_JWT_SECRET: required to verify user tokens");
  return {
    async authenticate(authorization: string | undefined): Promise<AuthResult> {
      const token = authorization ? BEARER.exec(authorization)?.[1] : undefined;
      if (!token) return { ok: false, reason: "missing or malformed bearer token" };
      try {
        const { payload } = await jwtVerify(token, secret, {
          algorithms: ["HS256"],
          clockTolerance: 5,
          ...(settings.issuer ? { issuer: settings.issuer } : {}),
          ...(settings.audience ? { audience: settings.audience } : {}),
        });
        const principal = parsePrincipal({
          app: "chatbot",
          workspaceId: payload[settings.workspaceClaim],
          userId: payload.sub,
        });
        if (!principal.ok) return { ok: false, reason: "token identity is not a valid workspace/user" };
        return {
          ok: true,
          identity: {
            workspaceId: principal.value.workspaceId,
            userId: principal.value.userId,
            userToken: token,
          },
        };
      } catch (e) {
        // The reason goes to logs only; the client gets one generic 401.
        return {
          ok: false,
          reason: e instanceof joseErrors.JOSEError ? e.code : "token verification failed",
        };
      }
    },
  };
}
