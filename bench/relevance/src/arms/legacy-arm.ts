import { type Arm, UserMemories } from "./types.js";

/** The legacy behaviour: the user's `k` newest memories, whatever the query. */
export function createLegacyArm(k = 10): Arm {
  const memories = new UserMemories<string>();
  return {
    name: "legacy (10 newest)",
    add: (userId, added) =>
      memories.push(
        userId,
        added.map((m) => m.key),
      ),
    ask: async (userId) => ({ keys: memories.get(userId).slice(-k).reverse() }),
  };
}
