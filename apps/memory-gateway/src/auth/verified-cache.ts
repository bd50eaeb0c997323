import { createHash } from "node:crypto";

/**
 * Remembers tokens that verified, so a chat session sending the same JWT on every turn pays for the signature
 * check once (~0.1 ms of CPU for HS256, more for RSA) instead of per request.
 *
 * Safety: only successful verifications are cached; an entry lives until the token's own `exp` or `maxAgeMs`,
 * whichever is first, so an expired token is never accepted and a JWKS key rotation takes effect within
 * `maxAgeMs`. Keys are SHA-256 digests, not the tokens themselves. The size is bounded (oldest evicted first).
 */
export class VerifiedTokenCache<T> {
  readonly #entries = new Map<string, { value: T; until: number }>();

  constructor(
    private readonly maxEntries = 10_000,
    private readonly maxAgeMs = 60_000,
  ) {}

  get(token: string, now = Date.now()): T | undefined {
    const key = digest(token);
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    if (now >= entry.until) {
      this.#entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  /** `expiresAtSec` is the token's `exp` claim (seconds since the epoch). */
  set(token: string, value: T, expiresAtSec: number, now = Date.now()): void {
    const until = Math.min(expiresAtSec * 1000, now + this.maxAgeMs);
    if (until <= now) return;
    if (this.#entries.size >= this.maxEntries) {
      const oldest = this.#entries.keys().next().value;
      if (oldest !== undefined) this.#entries.delete(oldest);
    }
    this.#entries.set(digest(token), { value, until });
  }

  get size(): number {
    return this.#entries.size;
  }
}

function digest(token: string): string {
  return createHash("sha256").update(token).digest("base64url");
}
