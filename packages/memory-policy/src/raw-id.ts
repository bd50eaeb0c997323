import { z } from "zod";
import { err, ok, type Result } from "./result.js";

/**
 * The one grammar every raw tenant id (workspace, user, agent, run) must match: letters, digits and hyphens,
 * 1-64 characters. UUIDs, integers and slugs fit; the underscore does not, because it is the separator in
 * the mem0 ids (`workspace_{w}_user_{u}`). Without it the mapping is injective and can be parsed back.
 */
export const RAW_ID_PATTERN = /^[A-Za-z0-9-]{1,64}$/;

/** Human wording of RAW_ID_PATTERN, used in every error so the caller learns the rule, not just "invalid". */
export const RAW_ID_RULE =
  "must be 1-64 characters of letters, digits or hyphens (pattern ^[A-Za-z0-9-]{1,64}$; no underscore)";

const UUID_SHAPE = /^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$/;

/**
 * Canonical form of a raw id that already matches RAW_ID_PATTERN.
 *
 * Case policy: ids are case-sensitive (a base62 slug "aB" is not "ab"), EXCEPT UUID-shaped ids, which are
 * lower-cased: a UUID is case-insensitive by definition (RFC 9562) and the legacy store hands out workspace
 * UUIDs in either case, so the same workspace must always land on the same mem0 id. Injectivity holds on
 * canonical ids: two ids map to the same mem0 id only if they are the same UUID or the same exact string.
 */
export function canonicalRawId(id: string): string {
  return UUID_SHAPE.test(id) ? id.toLowerCase() : id;
}

/** True when `id` matches the grammar and is already canonical (what stored mem0 ids must contain). */
export function isCanonicalRawId(id: string): boolean {
  return RAW_ID_PATTERN.test(id) && canonicalRawId(id) === id;
}

/** zod schema for one raw id: validates the grammar and outputs the canonical form. */
export const rawIdSchema = z
  .string({ error: (issue) => (issue.input === undefined ? "is required" : "must be a string") })
  .regex(RAW_ID_PATTERN, { error: RAW_ID_RULE })
  .transform(canonicalRawId);

/**
 * Validates one raw id outside a zod object (admin targets, CLI flags). The error names `field` and the rule
 * and never echoes the value: it may be another tenant's id typed by mistake.
 */
export function parseRawId(field: string, value: unknown): Result<string> {
  if (typeof value !== "string") {
    return err("INVALID_ID", `${field} ${value === undefined ? "is required" : "must be a string"}`, field);
  }
  if (!RAW_ID_PATTERN.test(value)) return err("INVALID_ID", `${field} ${RAW_ID_RULE}`, field);
  return ok(canonicalRawId(value));
}
