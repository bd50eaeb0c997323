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
  /** Refreshes the statistics and resolves to the table's row count after it. */
  analyze: () => Promise<number>;
  onError: (error: Error) => void;
}): AnalyzeSchedule {
  let base = options.rows;
  let written = 0;
  let running = false;
  return {
    noteWrites(count) {
      written += count;
      if (running || written < Math.max(options.minWrites, base)) return;
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
