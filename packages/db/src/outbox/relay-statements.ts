import type { HotStatement } from "./prepared.js";

/**
 * The relay's two statements, hand-written (not drizzle-built): the claim is prepared once per connection
 * (see prepared.ts), the settle planned at each call (below). The CTE form plans more cheaply than
 * UPDATE ... WHERE id IN (subquery), and returning only what delivery needs keeps the rows small. Column
 * semantics: src/schema/outbox.ts.
 */

/** $1 relay id, $2 how many rows, $3 lease in ms. */
export const CLAIM: HotStatement = {
  name: "outbox_claim",
  types: ["text", "int", "int"],
  text: `with due as (
      select id from outbox
      where status in ('pending', 'in_flight') and next_attempt_at <= now()
      order by next_attempt_at
      limit $2::int
      for update skip locked
    )
    update outbox as o set
      status = 'in_flight',
      claimed_by = $1::text,
      claimed_until = now() + $3::int * interval '1 millisecond',
      next_attempt_at = now() + $3::int * interval '1 millisecond',
      attempts = o.attempts + 1,
      failures = o.failures + case when o.status = 'in_flight' then 1 else 0 end,
      last_error = case when o.status = 'in_flight'
        then 'lease of relay ' || o.claimed_by || ' expired before it settled the delivery'
        else o.last_error end,
      updated_at = now()
    from due
    where o.id = due.id
    returning o.id, o.attempts, o.user_id, o.agent_id, o.run_id, o.payload, o.last_error,
      (extract(epoch from o.claimed_until) * 1000)::float8 as claimed_until_ms`,
};
// In CLAIM: while in flight, "due again" means "lease expired", hence next_attempt_at = lease end; a
// re-claimed expired lease counts as a failed attempt whose error nobody could record.

/**
 * $1 relay id, $2 JSON array of { id, claim_attempts, outcome, failed, delay_ms, error, result }, $3 the same
 * rows' ids. Planned at each call (prepared.ts, runPlanned), not prepared: the planner estimates any
 * `jsonb_to_recordset` at 100 rows, so a plan that joined the table to it alone took a sequential scan of
 * the outbox (a hash join) for as long as that looked cheaper than 100 primary-key lookups, and a prepared
 * statement's generic plan, made at its sixth run while the table was small, kept the scan as the table
 * grew (PGlite has no autovacuum to invalidate it): 0.8 ms a settle at 2k rows, ~4 ms at ~12k in a 100-user
 * P11 trial, a third of the gateway's database time. With the ids as an array the planner knows how many rows
 * it looks up and takes the primary key at any size.
 */
export const SETTLE_SQL = `update outbox as o set
      status = case d.outcome when 'delivered' then 'delivered' when 'dead' then 'dead' else 'pending' end,
      attempts = case when d.outcome = 'release' then o.attempts - 1 else o.attempts end,
      failures = o.failures + case when d.failed then 1 else 0 end,
      next_attempt_at = case when d.outcome in ('retry', 'release')
        then now() + d.delay_ms * interval '1 millisecond' else o.next_attempt_at end,
      last_error = coalesce(d.error, o.last_error),
      mem0_result = coalesce(d.result, o.mem0_result),
      delivered_at = case when d.outcome = 'delivered' then now() else o.delivered_at end,
      claimed_by = null,
      claimed_until = null,
      updated_at = now()
    from jsonb_to_recordset($2::text::jsonb)
      as d(id uuid, claim_attempts int, outcome text, failed boolean, delay_ms int, error text, result jsonb)
    where o.id = any($3::uuid[]) and o.id = d.id and o.claimed_by = $1::text and o.attempts = d.claim_attempts
    returning o.id`;
// In SETTLE_SQL: claimed_by is set only while a row is in flight, so "claimed_by = me and attempts = my claim's"
// is the whole fence. Testing status as well would only tempt the planner into scanning outbox_due_idx
// (its predicate covers in_flight) instead of looking the rows up by primary key.
