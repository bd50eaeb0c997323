import { type Bm25Index, bm25Terms, buildBm25Index } from "../baselines/bm25-index.js";
import { type Arm, UserMemories } from "./types.js";

/**
 * BM25 over exactly the memories stored so far for the user: the index is rebuilt when memories were added
 * since the last query (wink cannot add after consolidating). `tooFew` counts queries asked while the user had
 * fewer than 3 memories (wink's minimum): they get no BM25 result.
 */
export function createBm25Arm(k = 10): Arm & { tooFew: number } {
  const memories = new UserMemories<{ id: string; terms: string[] }>();
  const keys = new Map<string, string>();
  const built = new Map<string, { size: number; index: Bm25Index | null }>();
  let seq = 0;
  const arm = {
    name: "BM25 (same memories)",
    tooFew: 0,
    add: (userId: string, added: readonly { key: string; text: string }[]) => {
      const docs = added.map((m) => {
        const id = String(seq++);
        keys.set(id, m.key);
        return { id, terms: bm25Terms(m.text) };
      });
      memories.push(userId, docs);
    },
    ask: async (userId: string, query: { text: string }) => {
      const docs = memories.get(userId);
      let entry = built.get(userId);
      if (!entry || entry.size !== docs.length) {
        entry = { size: docs.length, index: buildBm25Index(docs) };
        built.set(userId, entry);
      }
      if (!entry.index) {
        arm.tooFew++;
        return { keys: [] };
      }
      return { keys: entry.index.search(query.text, k).map((id) => keys.get(id) ?? id) };
    },
  };
  return arm;
}
