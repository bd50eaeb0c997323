import { createHash, timingSafeEqual } from "node:crypto";

/** Constant-time comparison of a presented header with the expected value (both hashed to equal length). */
export function secretMatches(presented: string | string[] | undefined, expected: string): boolean {
  if (typeof presented !== "string") return false;
  const a = createHash("sha256").update(presented).digest();
  const b = createHash("sha256").update(expected).digest();
  return timingSafeEqual(a, b);
}
