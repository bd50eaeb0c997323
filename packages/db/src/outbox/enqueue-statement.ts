import type { HotStatement } from "./prepared.js";

/**
 * The outbox's insert, prepared once per connection like the relay's statements (prepared.ts): every
 * `remember` runs it. Built by drizzle it was parsed and planned on every call; on PGlite (the embedded
 * default) that was about half of its CPU: 2,000 enqueues of a chat turn's two messages, 1.26 / 1.57 ms of
 * process CPU each, 0.69 / 0.81 ms prepared (2026-12-07, a one-off script, alternating). Columns:
 * src/schema/outbox.ts; the conflict target is the idempotency key's unique constraint.
 *
 * $1 idempotency key, $2 user_id, $3 agent_id, $4 run_id (null when absent), $5 payload (JSON text),
 * $6 payload hash.
 */
export const ENQUEUE: HotStatement = {
  name: "outbox_enqueue",
  types: ["text", "text", "text", "text", "jsonb", "text"],
  text: `insert into outbox (idempotency_key, user_id, agent_id, run_id, payload, payload_hash)
    values ($1::text, $2::text, $3::text, $4::text, $5::jsonb, $6::text)
    on conflict (idempotency_key) do nothing
    returning id, status`,
};
