/**
 * One RealMemBench persona file -> one tenant of the harness (see README "RealMemBench"):
 * - sessions in file order; for session s, its query turns are asked first (they may only use memories of
 *   sessions < s), then its extracted memories are stored, one memory each;
 * - a query's evidence = the memories listed in `memory_used` of the assistant turn right after it, matched
 *   by canonical content against what is already stored;
 * - texts over the memory API's 8,000-character input limits are cut to their first 8,000 characters.
 * Everything that had to be cut or could not be matched is counted in `notes`.
 */
import { createHash } from "node:crypto";
import type { EvalMemory, EvalQuery, EvalStep, EvalTenant } from "../eval-set/types.js";
import { memoryText } from "./canonical.js";

/** memory.recall's query limit and memory.add's message limit (LIMITS in @automatos/memory). */
export const MAX_INPUT_CHARS = 8_000;

export interface ParseNotes {
  sessions: number;
  queryTurns: number;
  truncatedQueries: number;
  truncatedMemories: number;
  /** memory_used items that match no memory of an earlier session (left out of the evidence). */
  unmatchedEvidence: number;
  /** Query turns with no answering assistant turn or no matched evidence (not asked). */
  queriesWithoutEvidence: number;
}

type Json = Record<string, unknown>;

function field<T>(obj: unknown, name: string, where: string, check: (v: unknown) => v is T, what: string): T {
  const value = obj !== null && typeof obj === "object" ? (obj as Json)[name] : undefined;
  if (!check(value)) throw new Error(`${where}.${name}: expected ${what}`);
  return value;
}
const isArray = (v: unknown): v is unknown[] => Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === "string";

export const evidenceKey = (text: string): string =>
  createHash("sha256").update(text).digest("hex").slice(0, 20);

const cut = (text: string): string => (text.length > MAX_INPUT_CHARS ? text.slice(0, MAX_INPUT_CHARS) : text);

/** The persona name: the file name without `_dialogues_256k.json`. */
export const personaOf = (fileName: string): string => fileName.replace(/_dialogues_256k\.json$/, "");

export function parsePersona(data: unknown, fileName: string): { tenant: EvalTenant; notes: ParseNotes } {
  const persona = personaOf(fileName);
  const sessions = field(data, "dialogues", fileName, isArray, "an array of sessions");
  const notes: ParseNotes = {
    sessions: sessions.length,
    queryTurns: 0,
    truncatedQueries: 0,
    truncatedMemories: 0,
    unmatchedEvidence: 0,
    queriesWithoutEvidence: 0,
  };
  const stored = new Set<string>();
  const steps: EvalStep[] = [];
  sessions.forEach((session, s) => {
    const where = `${fileName}: dialogues[${s}]`;
    const turns = field(session, "dialogue_turns", where, isArray, "an array of turns");
    const extracted = field(session, "extracted_memory", where, isArray, "an array of memories");
    const queries: EvalQuery[] = [];
    turns.forEach((turn, i) => {
      if (turn === null || typeof turn !== "object" || (turn as Json).is_query !== true) return;
      notes.queryTurns++;
      const text = field(turn, "content", `${where}.dialogue_turns[${i}]`, isString, "a string");
      const answer = turns[i + 1] as Json | undefined;
      const used =
        answer?.speaker === "Assistant" && Array.isArray(answer.memory_used) ? answer.memory_used : [];
      const evidence = new Set<string>();
      for (const item of used) {
        const key = evidenceKey(memoryText((item as Json | null)?.content));
        if (stored.has(key)) evidence.add(key);
        else notes.unmatchedEvidence++;
      }
      if (evidence.size === 0) {
        notes.queriesWithoutEvidence++;
        return;
      }
      if (text.length > MAX_INPUT_CHARS) notes.truncatedQueries++;
      const queryId = (turn as Json).query_id;
      const category = (turn as Json).category_name;
      queries.push({
        id: `${persona}:${typeof queryId === "string" ? queryId : `s${s}t${i}`}`,
        text: cut(text),
        evidence: [...evidence],
        category: typeof category === "string" ? category : "unknown",
      });
    });
    if (queries.length > 0) steps.push({ kind: "ask", queries });
    const memories: EvalMemory[] = extracted.map((m, j) => {
      const content = (m as Json | null)?.content;
      if (content === undefined || content === null)
        throw new Error(`${where}.extracted_memory[${j}].content: expected a string or an object`);
      const text = memoryText(content);
      if (text.length > MAX_INPUT_CHARS) notes.truncatedMemories++;
      return { key: evidenceKey(text), text: cut(text) };
    });
    // Stored after the session's queries: a query only sees earlier sessions.
    for (const m of memories) stored.add(m.key);
    if (memories.length > 0) steps.push({ kind: "add", memories });
  });
  return { tenant: { userId: `rmb-${persona.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`, steps }, notes };
}
