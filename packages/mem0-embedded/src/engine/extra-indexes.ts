/**
 * Indexes mem0's pgvector store does not create but its queries need at scale (mem0 makes only the primary
 * key and `memories_hnsw_idx`):
 *  - btree on payload->>'user_id' / 'agent_id' / 'run_id': every call filters on them. With statistics on
 *    these expressions the planner can pick an exact index scan for a SMALL tenant instead of an HNSW scan
 *    that must walk past other tenants' rows (and may stop at max_scan_tuples before finding them).
 *  - GIN on to_tsvector('simple', payload->>'textLemmatized'): the exact expression of mem0's keywordSearch;
 *    without it every search runs to_tsvector over every row of the tenant.
 * The expressions must match mem0's SQL text exactly, or the planner will not use them.
 */
import type { PGlite } from "@electric-sql/pglite";
import { lexicalColumnStatements } from "./lexical-column.js";

const ID_KEYS = ["user_id", "agent_id", "run_id"] as const;

export function extraIndexStatements(table: string): string[] {
  return [
    ...ID_KEYS.map(
      (k) => `CREATE INDEX IF NOT EXISTS "${table}_${k}_idx" ON "${table}" ((payload->>'${k}'))`,
    ),
    `CREATE INDEX IF NOT EXISTS "${table}_text_lemmatized_gin" ON "${table}" ` +
      `USING gin (to_tsvector('simple', payload->>'textLemmatized'))`,
  ];
}

/**
 * The planner's default cost for `<=>` (1 x cpu_operator_cost) is far below what a 512-dim cosine costs in
 * WebAssembly (measured ~10 us: 10-17 ms for 1k rows), so for a tenant that owns most rows it sorted a
 * sequential scan (10-33 ms at 1k rows) instead of walking HNSW (2 ms). A realistic cost tips it; small
 * tenants keep their exact id-index scan (few rows to sort).
 */
export const DISTANCE_COST_SQL = "ALTER FUNCTION cosine_distance(vector, vector) COST 1000";

/**
 * Planner statistics only where a query's selectivity can use them. `ANALYZE` (analyze-schedule.ts) holds up
 * every statement while it runs, and most of its time went to statistics no estimate reads: the 384-float
 * vectors (no selectivity for `<=>`; ordering by it needs none), the jsonb payload (mem0 filters on
 * `payload->>'key'`, whose statistics come from the expression indexes above, never from the column) and the
 * `textLemmatized` expression of mem0's own keyword search (this engine's hybrid search scores words from
 * the `lex` column instead). Kept: the scope expressions (the index-or-scan choice for a small tenant) and
 * `lex` (the `@@` of the uncached word match). Measured on mem0's table shape (one-off, PGlite, 2026-12-07,
 * AVX-512 machine): one `ANALYZE` at 8k rows 231-237 ms before, 42-61 ms after; at 12k 317-333 against
 * 72-101 ms; the scope filter's row estimate and plan unchanged.
 */
function statisticsTargetStatements(table: string): string[] {
  return [
    `ALTER TABLE "${table}" ALTER COLUMN vector SET STATISTICS 0`,
    `ALTER TABLE "${table}" ALTER COLUMN payload SET STATISTICS 0`,
    ...(table === "memories"
      ? [`ALTER INDEX "${table}_text_lemmatized_gin" ALTER COLUMN 1 SET STATISTICS 0`]
      : []),
  ];
}

export async function ensureExtraIndexes(db: PGlite): Promise<void> {
  await db.exec(DISTANCE_COST_SQL);
  for (const table of ["memories", "memories_entities"]) {
    // Vectors above ~2 kB (> 500 dims) would be TOASTed out of line: every distance then detoasts a
    // separate tuple, and the planner, seeing a small heap, prefers a sequential scan over HNSW.
    await db.exec(`ALTER TABLE "${table}" ALTER COLUMN vector SET STORAGE PLAIN`);
    const statements =
      table === "memories"
        ? [...extraIndexStatements(table), ...lexicalColumnStatements(table)]
        : extraIndexStatements(table).slice(0, 3);
    for (const sql of statements) await db.exec(sql);
    for (const sql of statisticsTargetStatements(table)) await db.exec(sql);
    // PGlite runs no autovacuum: planner statistics exist only when we ask for them.
    await db.exec(`ANALYZE "${table}"`);
  }
}
