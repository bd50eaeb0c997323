import { createHash, timingSafeEqual } from "node:crypto";
import type { AppName, ServiceGrant, ServiceTokenHash } from "../config.js";

/** The app a service token belongs to and the agents / runs it is granted. */
export interface VerifiedService {
  app: AppName;
  grant: ServiceGrant;
}

export interface ServiceTokenVerifier {
  /** The app (and its grant) a presented secret belongs to, or null. */
  verify(presented: string): VerifiedService | null;
}

/**
 * Verifies app service tokens against SHA-256 hashes (the secrets themselves are not kept in memory).
 * Hashing first gives equal-length buffers, so `timingSafeEqual` applies; every configured hash is compared
 * on every call (no early exit), so timing reveals neither which app matched nor how much of a guess was right.
 */
export function createServiceTokenVerifier(tokens: readonly ServiceTokenHash[]): ServiceTokenVerifier {
  const entries = tokens.map((t) => ({
    service: { app: t.app, grant: t.grant } as VerifiedService,
    sha256: Buffer.from(t.sha256),
  }));
  return {
    verify(presented) {
      const digest = createHash("sha256").update(presented, "utf8").digest();
      let match: VerifiedService | null = null;
      for (const entry of entries) {
        if (timingSafeEqual(digest, entry.sha256) && match === null) match = entry.service;
      }
      return match;
    },
  };
}

/** Extracts the token of an `Authorization: Bearer <token>` header; anything else is null. */
export function bearerToken(header: string | undefined): string | null {
  if (!header) return null;
  const match = /^Bearer[ ]+([^\s]+)[ ]*$/i.exec(header);
  return match?.[1] ?? null;
}
