import type { Dataset, Persona, Question, QuestionCategory, Turn } from "../../src/dataset/types.js";
import { DISTRACTORS_A } from "./distractors-a.js";
import { DISTRACTORS_B } from "./distractors-b.js";
import { createRandom, hashString, shuffled } from "./random.js";
import { REPLIES } from "./replies.js";
import type { CategoryCode, FactSpec, PersonaSpec } from "./spec.js";

/** Small-talk exchanges placed in every session around the fact-bearing turns. */
export const DISTRACTORS_PER_SESSION = 14;

const CATEGORY: Record<CategoryCode, QuestionCategory> = {
  S: "single-fact",
  M: "multi-session",
  T: "temporal",
  P: "paraphrased",
};

type Exchange = { user: string; assistant: string; factKey?: string };

/** Interleaves a session's facts (kept in their written order) with distractor exchanges at random slots. */
function sessionExchanges(
  facts: FactSpec[],
  distractors: [string, string][],
  pickReply: (f: FactSpec) => string,
  random: () => number,
): Exchange[] {
  const total = facts.length + distractors.length;
  const factSlots = new Set(shuffled([...Array(total).keys()], random).slice(0, facts.length));
  const out: Exchange[] = [];
  let f = 0;
  let d = 0;
  for (let slot = 0; slot < total; slot++) {
    if (factSlots.has(slot)) {
      const spec = facts[f++]!;
      out.push({ user: spec.text, assistant: pickReply(spec), factKey: spec.key });
    } else {
      const [user, assistant] = distractors[d++]!;
      out.push({ user, assistant });
    }
  }
  return out;
}

/** Expands one hand-written persona into turns (one memory each) and questions with evidence turn ids. */
export function buildPersona(spec: PersonaSpec): { persona: Persona; turns: Turn[]; questions: Question[] } {
  const random = createRandom(hashString(spec.userId));
  const pool = shuffled([...DISTRACTORS_A, ...DISTRACTORS_B], random);
  const needed = DISTRACTORS_PER_SESSION * spec.sessionDates.length;
  if (pool.length < needed) throw new Error(`distractor pool too small: ${pool.length} < ${needed}`);
  const replyCursor = new Map<string, number>();
  const pickReply = (f: FactSpec): string => {
    if (f.reply) return f.reply;
    const replies = REPLIES[f.topic];
    const n = replyCursor.get(f.topic) ?? Math.floor(random() * replies.length);
    replyCursor.set(f.topic, n + 1);
    return replies[n % replies.length]!;
  };
  const turns: Turn[] = [];
  const factTurn = new Map<string, string>();
  spec.sessionDates.forEach((date, session) => {
    const facts = spec.facts.filter((f) => f.session === session);
    const distractors = pool.slice(
      session * DISTRACTORS_PER_SESSION,
      (session + 1) * DISTRACTORS_PER_SESSION,
    );
    // Sessions start in the evening, at a persona-specific minute, and messages follow 40-160 s apart.
    let time = Date.parse(`${date}T18:00:00Z`) + (hashString(spec.userId) % 180) * 60_000;
    let index = 0;
    const push = (role: Turn["role"], text: string): string => {
      const id = `${spec.userId}-s${session}-t${String(index++).padStart(2, "0")}`;
      time += Math.floor(40 + random() * 120) * 1000;
      turns.push({
        id,
        userId: spec.userId,
        session,
        position: turns.length,
        role,
        text,
        timestamp: new Date(time).toISOString(),
      });
      return id;
    };
    for (const ex of sessionExchanges(facts, distractors, pickReply, random)) {
      const id = push("user", ex.user);
      if (ex.factKey) factTurn.set(ex.factKey, id);
      push("assistant", ex.assistant);
    }
  });
  const questions = spec.questions.map(
    (q, i): Question => ({
      id: `${spec.userId}-q${String(i).padStart(2, "0")}`,
      userId: spec.userId,
      category: CATEGORY[q.c],
      question: q.q,
      answer: q.a,
      evidence: q.ev.map((key) => {
        const id = factTurn.get(key);
        if (!id) throw new Error(`${spec.userId}: question "${q.q}" cites unknown fact key "${key}"`);
        return id;
      }),
    }),
  );
  return {
    persona: { userId: spec.userId, name: spec.name, sessionDates: spec.sessionDates },
    turns,
    questions,
  };
}

export function buildDataset(specs: PersonaSpec[]): Dataset {
  const built = specs.map(buildPersona);
  return {
    personas: built.map((b) => b.persona),
    turns: built.flatMap((b) => b.turns),
    questions: built.flatMap((b) => b.questions),
  };
}
