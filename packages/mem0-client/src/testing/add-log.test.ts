import { describe, expect, it } from "vitest";
import { AddLog } from "./add-log.js";

const body = (legacyId?: string) => ({
  messages: [{ role: "user", content: "hi" }],
  user_id: "u",
  metadata: legacyId ? { legacy_id: legacyId } : null,
});

describe("AddLog", () => {
  it("records accepted adds with their memory ids, and counts rejections", () => {
    const log = new AddLog();
    log.accepted(body(), ["m1", "m2"]);
    log.rejected();
    expect(log.adds()).toMatchObject([{ body: body(), memoryIds: ["m1", "m2"] }]);
    expect(log.stats()).toMatchObject({ adds: 1, memories: 2, rejected: 1 });
  });

  it("tallies distinct and repeated values of chosen metadata keys without recording", () => {
    const log = new AddLog({ record: false, tally: ["legacy_id"] });
    for (const id of ["a", "b", "a", "c", "a"]) log.accepted(body(id), ["m"]);
    log.accepted(body(), ["m"]);
    expect(log.adds()).toEqual([]);
    expect(log.stats()).toEqual({
      adds: 6,
      memories: 6,
      rejected: 0,
      distinct: { legacy_id: 3 },
      repeated: { legacy_id: 2 },
    });
  });

  it("clear() forgets adds, counters and tallies", () => {
    const log = new AddLog({ tally: ["legacy_id"] });
    log.accepted(body("a"), ["m"]);
    log.rejected();
    log.clear();
    expect(log.adds()).toEqual([]);
    expect(log.stats()).toEqual({
      adds: 0,
      memories: 0,
      rejected: 0,
      distinct: { legacy_id: 0 },
      repeated: { legacy_id: 0 },
    });
  });
});
