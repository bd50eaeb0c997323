import { loadDataset } from "./load-dataset.js";
import type { Dataset, Question } from "./types.js";

/** A turn ready to be stored as one memory, with the ids a benchmark needs to map results back. */
export interface MemoryRecord {
  userId: string;
  role: "user" | "assistant";
  text: string;
  metadata: { turn_id: string; session: number; role: "user" | "assistant"; timestamp: string };
}

/**
 * Each user's memories in chronological order (add them in this order: "most recent" then means what the
 * legacy store meant). `metadata.turn_id` is the stable id that questions' evidence refers to; it survives a
 * round trip through mem0, which assigns its own memory ids.
 */
export function memoriesByUser(dataset: Dataset = loadDataset()): Map<string, MemoryRecord[]> {
  const out = new Map<string, MemoryRecord[]>(dataset.personas.map((p) => [p.userId, []]));
  const turns = [...dataset.turns].sort(
    (a, b) => a.userId.localeCompare(b.userId) || a.position - b.position,
  );
  for (const t of turns) {
    out.get(t.userId)?.push({
      userId: t.userId,
      role: t.role,
      text: t.text,
      metadata: { turn_id: t.id, session: t.session, role: t.role, timestamp: t.timestamp },
    });
  }
  return out;
}

/** The turn id stored in a memory's metadata, or undefined when absent (e.g. a memory from elsewhere). */
export function turnIdOf(metadata: Record<string, unknown> | null | undefined): string | undefined {
  const id = metadata?.turn_id;
  return typeof id === "string" ? id : undefined;
}

export function questionsByUser(dataset: Dataset = loadDataset()): Map<string, Question[]> {
  const out = new Map<string, Question[]>();
  for (const q of dataset.questions) out.set(q.userId, [...(out.get(q.userId) ?? []), q]);
  return out;
}
