/**
 * Exactly-once adds on the embedded engine. The outbox relay puts its job id in the add's metadata under
 * `automatos_job`; a second add with the same key and the same ids (a retry after a lost answer, a relay
 * killed mid-delivery) answers the memories the first one stored, with event "NONE" (mem0's word for "no
 * change"), instead of storing them again.
 *
 * Each verbatim memory also carries `automatos_job_part` (the index of its message in the add), so an add
 * interrupted half-way (engine killed between two messages) is completed on redelivery, not repeated.
 * Race-free: adds of one key run one at a time in this process (KeyedLock), and a unique index on
 * (key, part, ids) makes the database refuse a second copy. A verbatim add does not look the job up first:
 * it inserts, and a part the index refuses is answered from the table (routes/add-memories.ts). An inferred
 * add looks first, since its memories carry no part.
 * What is not covered: an inferred add (LLM on) whose first delivery stored no memory carrying the key (mem0
 * answered only UPDATE/DELETE/NONE events) runs inference again on redelivery.
 */
import type { PGlite } from "@electric-sql/pglite";
import { badRequest } from "../http-error.js";

export const JOB_KEY = "automatos_job";
export const JOB_PART = "automatos_job_part";
const MAX_KEY_CHARS = 200;

export interface JobScope {
  user_id?: string;
  agent_id?: string;
  run_id?: string;
}

/** The job key of an add, or undefined when it has none; a malformed key is a 400 naming the field. */
export function jobKeyOf(metadata: Record<string, unknown> | null | undefined): string | undefined {
  if (!metadata || !Object.hasOwn(metadata, JOB_KEY)) return undefined;
  const key = metadata[JOB_KEY];
  if (typeof key !== "string" || key.length === 0 || key.length > MAX_KEY_CHARS)
    throw badRequest(
      `metadata.${JOB_KEY} must be a non-empty string of at most ${MAX_KEY_CHARS} characters.`,
    );
  if (Object.hasOwn(metadata, JOB_PART))
    throw badRequest(`metadata.${JOB_PART} is set by the server; do not send it.`);
  return key;
}

const SCOPE =
  "coalesce(payload->>'user_id', ''), coalesce(payload->>'agent_id', ''), coalesce(payload->>'run_id', '')";

/**
 * Indexes on the memories that carry a job key (other rows are not indexed): the lookup by key, and the
 * unique (key, part, ids) that makes a duplicate verbatim memory impossible.
 */
export function jobKeyIndexStatements(table: string): string[] {
  return [
    `CREATE INDEX IF NOT EXISTS "${table}_${JOB_KEY}_idx" ON "${table}" ((payload->>'${JOB_KEY}')) ` +
      `WHERE payload ? '${JOB_KEY}'`,
    `CREATE UNIQUE INDEX IF NOT EXISTS "${table}_${JOB_PART}_uidx" ON "${table}" ` +
      `((payload->>'${JOB_KEY}'), (payload->>'${JOB_PART}'), ${SCOPE}) WHERE payload ? '${JOB_PART}'`,
  ];
}

const ensured = new WeakMap<object, Promise<void>>();

/**
 * Creates the job-key indexes once per vector store. mem0's `reset()` drops the table and builds a new store
 * object, so keying the memo on that object recreates them after a reset. Done at the first keyed add rather
 * than at start so that servers never given a key pay nothing.
 */
export function ensureJobKeyIndexes(db: PGlite, table: string, store: object): Promise<void> {
  let done = ensured.get(store);
  if (!done) {
    done = (async () => {
      for (const sql of jobKeyIndexStatements(table)) await db.exec(sql);
    })();
    // A failure is not remembered: the next keyed add tries again.
    done.catch(() => ensured.delete(store));
    ensured.set(store, done);
  }
  return done;
}

export interface JobMemory {
  id: string;
  memory: string;
  role: string | null;
  /** The message index for a verbatim memory; null for an inferred one. */
  part: number | null;
}

/** The memories already stored for `key` in exactly this scope (same ids set, the others absent). */
export async function findJobMemories(
  db: PGlite,
  table: string,
  key: string,
  scope: JobScope,
): Promise<JobMemory[]> {
  const { rows } = await db.query<{
    id: string;
    memory: string | null;
    role: string | null;
    part: string | null;
  }>(
    `SELECT id::text AS id, payload->>'data' AS memory, payload->>'role' AS role, payload->>'${JOB_PART}' AS part
       FROM "${table}"
      WHERE payload ? '${JOB_KEY}' AND payload->>'${JOB_KEY}' = $1
        AND coalesce(payload->>'user_id', '') = $2 AND coalesce(payload->>'agent_id', '') = $3
        AND coalesce(payload->>'run_id', '') = $4
      ORDER BY (payload->>'${JOB_PART}')::int NULLS LAST, payload->>'createdAt'`,
    [key, scope.user_id ?? "", scope.agent_id ?? "", scope.run_id ?? ""],
  );
  return rows.map((r) => ({
    id: r.id,
    memory: r.memory ?? "",
    role: r.role,
    part: r.part === null ? null : Number(r.part),
  }));
}

export { isUniqueViolation } from "../../engine/vector-store-writes.js";
