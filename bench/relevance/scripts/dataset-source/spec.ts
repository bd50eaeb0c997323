/** Hand-written source format of the relevance set; scripts/generate-dataset.ts expands it into data/*.json. */

export type Topic = "work" | "family" | "pets" | "health" | "food" | "travel" | "home" | "hobby" | "money";

/** A user message that carries a fact; the generator adds an assistant reply and places it in its session. */
export interface FactSpec {
  key: string;
  session: number;
  topic: Topic;
  text: string;
  /** Optional hand-written assistant reply; otherwise one is picked from the topic's reply pool. */
  reply?: string;
}

export type CategoryCode = "S" | "M" | "T" | "P";

export interface QuestionSpec {
  c: CategoryCode;
  q: string;
  a: string;
  /** Fact keys of the turns that answer the question. */
  ev: string[];
}

export interface PersonaSpec {
  userId: string;
  name: string;
  sessionDates: string[];
  facts: FactSpec[];
  questions: QuestionSpec[];
}

export const fact = (key: string, session: number, topic: Topic, text: string, reply?: string): FactSpec =>
  reply === undefined ? { key, session, topic, text } : { key, session, topic, text, reply };

export const ask = (c: CategoryCode, q: string, a: string, ev: string[]): QuestionSpec => ({ c, q, a, ev });
