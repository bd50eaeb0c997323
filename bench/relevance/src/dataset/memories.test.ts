import { describe, expect, it } from "vitest";
import { loadDataset } from "./load-dataset.js";
import { memoriesByUser, questionsByUser, turnIdOf } from "./memories.js";

const dataset = loadDataset();

describe("memoriesByUser", () => {
  const byUser = memoriesByUser(dataset);

  it("returns every turn exactly once, grouped by user", () => {
    expect([...byUser.keys()].sort()).toEqual(dataset.personas.map((p) => p.userId).sort());
    const ids = [...byUser.values()].flat().map((m) => m.metadata.turn_id);
    expect(ids.length).toBe(dataset.turns.length);
    expect(new Set(ids)).toEqual(new Set(dataset.turns.map((t) => t.id)));
  });

  it("keeps each user's memories in chronological order with stable metadata", () => {
    for (const [userId, memories] of byUser) {
      const times = memories.map((m) => Date.parse(m.metadata.timestamp));
      expect(times).toEqual([...times].sort((a, b) => a - b));
      expect(memories.every((m) => m.userId === userId && m.metadata.turn_id.startsWith(`${userId}-s`))).toBe(
        true,
      );
    }
    const first = byUser.get(dataset.personas[0]!.userId)![0]!;
    const turn = dataset.turns.find((t) => t.id === first.metadata.turn_id)!;
    expect(first).toEqual({
      userId: turn.userId,
      role: turn.role,
      text: turn.text,
      metadata: { turn_id: turn.id, session: turn.session, role: turn.role, timestamp: turn.timestamp },
    });
  });

  it("maps metadata back to a turn id", () => {
    expect(turnIdOf({ turn_id: "maya-thompson-s0-t00", other: 1 })).toBe("maya-thompson-s0-t00");
    expect(turnIdOf({ turn_id: 7 })).toBeUndefined();
    expect(turnIdOf(null)).toBeUndefined();
  });
});

describe("questionsByUser", () => {
  it("partitions the questions by tenant", () => {
    const byUser = questionsByUser(dataset);
    expect([...byUser.values()].flat().length).toBe(dataset.questions.length);
    for (const [userId, qs] of byUser) expect(qs.every((q) => q.userId === userId)).toBe(true);
  });
});
