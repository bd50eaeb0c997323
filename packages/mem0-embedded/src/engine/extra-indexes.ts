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
import { LEXICAL_COLUMN, lexicalColumnStatements } from "./lexical-column.js";

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
 * Planner statistics only where a query's selectivity can use them, and no more of them than it needs.
 * `ANALYZE` (analyze-schedule.ts) holds up every statement while it runs, and its time goes to what it
 * gathers:
 *  - none for the 384-float vectors (no selectivity for `<=>`; ordering by it needs none), the jsonb payload
 *    (mem0 filters on `payload->>'key'`, whose statistics come from the expression indexes above, never from
 *    the column), the `textLemmatized` expression of mem0's own keyword search, the primary key (its unique
 *    index already says one row per id) and `lex`: this engine's word match compares `lex` with a tsquery
 *    built inside the statement (hybrid-search.ts), which the planner cannot see, so it takes PostgreSQL's
 *    fixed default selectivity for `@@` whatever `lex`'s statistics say (same plan and estimates with or
 *    without them, checked with EXPLAIN on the P11 table shape).
 *  - a target of 10 on the scope expressions (the index-or-scan choice for a small tenant): `ANALYZE` samples
 *    300 rows per unit of the largest target, so 3,000 rows instead of 30,000, and the largest tenants still
 *    make the most-common-values list. The scope filter's estimate stays exact (`extra-indexes.test.ts`).
 * Measured on the P11 table shape (one-off PGlite script, file-backed, AVX-512 machine, 2026-12-07, three
 * runs each): one `ANALYZE` at 8k rows 21-26 ms with the scope expressions and `lex` at the default target,
 * 9-10 ms after; at 16k 47-58 against 13-15 ms. In a 100-user P11 trial the last `ANALYZE` of the load (~8k
 * rows) held PGlite for 304-351 ms on the loaded machine, and a burst of degraded recalls followed it.
 */
const SCOPE_STATISTICS_TARGET = 10;

function statisticsTargetStatements(table: string): string[] {
  return [
    `ALTER TABLE "${table}" ALTER COLUMN vector SET STATISTICS 0`,
    `ALTER TABLE "${table}" ALTER COLUMN payload SET STATISTICS 0`,
    `ALTER TABLE "${table}" ALTER COLUMN id SET STATISTICS 0`,
    ...ID_KEYS.map(
      (k) => `ALTER INDEX "${table}_${k}_idx" ALTER COLUMN 1 SET STATISTICS ${SCOPE_STATISTICS_TARGET}`,
    ),
    ...(table === "memories"
      ? [
          `ALTER TABLE "${table}" ALTER COLUMN ${LEXICAL_COLUMN} SET STATISTICS 0`,
          `ALTER INDEX "${table}_text_lemmatized_gin" ALTER COLUMN 1 SET STATISTICS 0`,
        ]
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
    for (const sql of [...statements, ...statisticsTargetStatements(table)]) await db.exec(sql);
    // PGlite runs no autovacuum: planner statistics exist only when we ask for them.
    await db.exec(`ANALYZE "${table}"`);
  }
}
