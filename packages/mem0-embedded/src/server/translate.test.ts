import { describe, expect, it } from "vitest";
import { toHistoryRows, toMemoryItem, toSnakeScoreDetails } from "./translate.js";

const engineItem = {
  id: "m1",
  memory: "Loves pizza",
  hash: "h",
  createdAt: "2026-01-01T00:00:00.000Z",
  metadata: { source: "chat", role: "user", expiration_date: "2099-01-01" },
  user_id: "alice",
  attributedTo: "user",
  score: 0.4,
  score_details: { semanticScore: 0.8, bm25Score: 0, finalScore: 0.4 },
};

describe("toMemoryItem", () => {
  it("produces the Python key order, snake_case, and promotes role/expiration_date out of metadata", () => {
    const out = toMemoryItem(engineItem, "search");
    expect(Object.keys(out)).toEqual([
      "id",
      "memory",
      "hash",
      "metadata",
      "score",
      "created_at",
      "updated_at",
      "user_id",
      "role",
      "expiration_date",
      "attributed_to",
      "score_details",
    ]);
    expect(out).toMatchObject({
      metadata: { source: "chat" },
      updated_at: null,
      score_details: { semantic_score: 0.8 },
    });
  });

  it("has score null for get, no score for list, and null metadata when nothing is left", () => {
    const bare = { id: "m", memory: "x", metadata: { role: "user" } };
    expect(toMemoryItem(bare, "get")).toMatchObject({ score: null, metadata: null, hash: null });
    expect("score" in toMemoryItem(bare, "list")).toBe(false);
  });

  it("converts camelCase score detail keys", () => {
    expect(toSnakeScoreDetails({ maxPossibleScore: 2, entityBoost: 0 })).toEqual({
      max_possible_score: 2,
      entity_boost: 0,
    });
  });
});

describe("toHistoryRows", () => {
  it("orders oldest first and fills the memory's creation time on DELETE rows", () => {
    const rows = toHistoryRows([
      {
        id: 3,
        memory_id: "m",
        previous_value: "b",
        new_value: null,
        action: "DELETE",
        created_at: null,
        updated_at: null,
        is_deleted: 1,
      },
      {
        id: 1,
        memory_id: "m",
        previous_value: null,
        new_value: "a",
        action: "ADD",
        created_at: "t0",
        updated_at: null,
        is_deleted: 0,
      },
    ]);
    expect(rows.map((r) => [r.id, r.event, r.created_at, r.is_deleted])).toEqual([
      ["1", "ADD", "t0", false],
      ["3", "DELETE", "t0", true],
    ]);
    expect(rows[1]).toMatchObject({ old_memory: "b", new_memory: null, actor_id: null, role: null });
  });
});
