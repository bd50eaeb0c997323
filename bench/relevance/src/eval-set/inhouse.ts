import { loadDataset } from "../dataset/load-dataset.js";
import { memoriesByUser } from "../dataset/memories.js";
import type { Dataset } from "../dataset/types.js";
import { splitByName } from "./split.js";
import type { EvalSet, Split } from "./types.js";

/**
 * The in-house set (data/) as the harness runs it: the personas of `split` (sorted by name, first five dev,
 * last five test), each persona's turns stored one memory per turn in conversation order, then its questions
 * (they are about the whole history). Evidence keys are turn ids.
 */
export function inHouseEvalSet(split: Split, dataset: Dataset = loadDataset()): EvalSet {
  const personas = splitByName(dataset.personas, (p) => p.name, split);
  const records = memoriesByUser(dataset);
  const tenants = personas.map((p) => ({
    userId: p.userId,
    steps: [
      {
        kind: "add" as const,
        memories: (records.get(p.userId) ?? []).map((r) => ({
          key: r.metadata.turn_id,
          text: r.text,
          role: r.role,
        })),
      },
      {
        kind: "ask" as const,
        queries: dataset.questions
          .filter((q) => q.userId === p.userId)
          .map((q) => ({ id: q.id, text: q.question, evidence: q.evidence, category: q.category })),
      },
    ],
  }));
  return { name: "inhouse", split, personas: personas.map((p) => p.name), tenants, notes: {} };
}
