/**
 * When to refresh the planner's statistics of mem0's table. PGlite runs no autovacuum, so the engine runs
 * `ANALYZE` itself, and PGlite runs one statement at a time: while it samples the table, every search waits.
 * Measured on the P11 turn shape (two memories per add, 2026-12-07): one `ANALYZE` took 52 ms at 1k rows,
 * 88 ms at 2k, 209 ms at 3k and 250 ms at 6k; at 100k, the bench's index build, `ANALYZE` included, takes
 * seconds (README, figures).
 *
 * Statistics matter for the shape of the data, not for every row: the planner scales its row estimates by
 * the table's current size anyway. So the table is analyzed again once it has grown by as many rows as it had
 * at the last `ANALYZE` (at least `minWrites`): a doubling, so a table that grows to n rows is analyzed
 * log2(n / minWrites) times instead of n / minWrites times (100k memories: 7 stalls instead of 100).
 *
 * And not at all while the table is smaller than `quietBelowRows`: the rows the engine's vector cache holds
 * (scope-vectors.ts). Below that the cache can hold every scope's rows, and a cached scope's search looks rows
 * up by primary key (hybrid-search.ts); the only plans statistics could change are the scope filter's
 * index-or-scan choices (loading a scope into the cache, listing, and the SQL search of a scope evicted past
 * the cache's 10,000 scopes), and with no statistics PostgreSQL estimates an equality match at 0.5% of the
 * table and takes the scope index, the plan a small tenant needs.
 * Measured in 100-user P11 trials (2026-12-07, AVX-512 2-core machine): each `ANALYZE` of the load held the
 * engine's one PGlite session for 38, 67-93, 218-246 and 304-351 ms at ~1k, 2k, 4k and 8k rows while the
 * machine was saturated (the same `ANALYZE` of an idle 8k-row table takes 33-41 ms), and bursts of degraded
 * recalls followed the longest ones.
 */
export interface AnalyzeSchedule {
  /** Counts written rows; starts a refresh when the table has grown enough and none is running. */
  noteWrites(count: number): void;
  /** After a refresh done elsewhere (start, reset): its row count is the new base. */
  restart(rows: number): void;
}

export function createAnalyzeSchedule(options: {
  minWrites: number;
  rows: number;
  /** No refresh while the table holds fewer rows than this (default 0: the doubling alone). */
  quietBelowRows?: number;
  /** Refreshes the statistics and resolves to the table's row count after it. */
  analyze: () => Promise<number>;
  onError: (error: Error) => void;
}): AnalyzeSchedule {
  const quietBelow = options.quietBelowRows ?? 0;
  let base = options.rows;
  let written = 0;
  let running = false;
  return {
    noteWrites(count) {
      written += count;
      if (running || base + written < quietBelow || written < Math.max(options.minWrites, base)) return;
      running = true;
      const sinceBase = written;
      options
        .analyze()
        .then(
          (rows) => {
            base = rows;
            written -= sinceBase;
          },
          (error: Error) => {
            options.onError(error);
            written -= sinceBase; // try again after as many writes, not at once
          },
        )
        .finally(() => {
          running = false;
        });
    },
    restart(rows) {
      base = rows;
      written = 0;
    },
  };
}
