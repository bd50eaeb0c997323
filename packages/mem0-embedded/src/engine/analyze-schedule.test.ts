import { describe, expect, it } from "vitest";
import { createAnalyzeSchedule } from "./analyze-schedule.js";

const settle = () => new Promise((r) => setImmediate(r));

/** Adds of two messages until the table holds 20k rows; returns the row counts each refresh ran at. */
async function refreshesWhileGrowing(options: { minWrites: number; quietBelowRows?: number }) {
  let rows = 0;
  const ranAt: number[] = [];
  const schedule = createAnalyzeSchedule({
    ...options,
    rows,
    analyze: async () => {
      ranAt.push(rows);
      return rows;
    },
    onError: (e) => {
      throw e;
    },
  });
  for (let i = 0; i < 10_000; i++) {
    rows += 2;
    schedule.noteWrites(2);
    await settle();
  }
  return ranAt;
}

describe("analyze schedule", () => {
  it("refreshes once the table has grown by its size at the last refresh, at least minWrites", async () => {
    expect(await refreshesWhileGrowing({ minWrites: 1_000 })).toEqual([1_000, 2_000, 4_000, 8_000, 16_000]);
  });

  it("stays quiet while the table holds fewer rows than quietBelowRows, then doubles from there", async () => {
    expect(await refreshesWhileGrowing({ minWrites: 1_000, quietBelowRows: 5_000 })).toEqual([
      5_000, 10_000, 20_000,
    ]);
  });

  it("runs one refresh at a time and counts the writes made meanwhile", async () => {
    let release = () => {};
    let runs = 0;
    const schedule = createAnalyzeSchedule({
      minWrites: 10,
      rows: 0,
      analyze: () => {
        runs++;
        return new Promise<number>((r) => {
          release = () => r(10);
        });
      },
      onError: () => {},
    });
    schedule.noteWrites(10);
    schedule.noteWrites(10); // while the first runs: counted, not started
    expect(runs).toBe(1);
    release();
    await settle();
    schedule.noteWrites(9); // 19 since the base of 10 rows
    expect(runs).toBe(2);
  });

  it("reports a failed refresh and tries again only after as many writes", async () => {
    const errors: string[] = [];
    let runs = 0;
    const schedule = createAnalyzeSchedule({
      minWrites: 5,
      rows: 0,
      analyze: async () => {
        runs++;
        throw new Error("PGlite is closed");
      },
      onError: (e) => errors.push(e.message),
    });
    schedule.noteWrites(5);
    await settle();
    schedule.noteWrites(4);
    await settle();
    expect([runs, errors]).toEqual([1, ["PGlite is closed"]]);
    schedule.noteWrites(1);
    await settle();
    expect(runs).toBe(2);
  });

  it("starts over from the rows of a refresh made elsewhere (a reset empties the table)", async () => {
    let runs = 0;
    const schedule = createAnalyzeSchedule({
      minWrites: 100,
      rows: 50_000,
      analyze: async () => {
        runs++;
        return 0;
      },
      onError: () => {},
    });
    schedule.noteWrites(30_000);
    expect(runs).toBe(0);
    schedule.restart(0);
    schedule.noteWrites(100);
    expect(runs).toBe(1);
  });
});
