import { timestamp } from "drizzle-orm/pg-core";

/**
 * Creation and modification times shared by every table.
 *
 * Invariants:
 * - Both are `timestamptz` set by the database clock (`now()`), never by a client clock, so rows written by
 *   several processes (relays on different hosts) order consistently.
 * - `created_at` is written once, at insert.
 * - `updated_at` moves on every change. drizzle's `$onUpdate` covers builder updates; hand-written SQL
 *   (the relay's claim/settle statements) must set `updated_at = now()` itself.
 */
export const createdAt = timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow();

export const updatedAt = timestamp("updated_at", { withTimezone: true, mode: "date" })
  .notNull()
  .defaultNow()
  .$onUpdate(() => new Date());

export const timestamps = { createdAt, updatedAt };
