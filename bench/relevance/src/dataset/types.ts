/** The four question kinds of the relevance set (issue 9, docs/targets.md P10). */
export const QUESTION_CATEGORIES = ["single-fact", "multi-session", "temporal", "paraphrased"] as const;
export type QuestionCategory = (typeof QUESTION_CATEGORIES)[number];

/** One chat message, stored as ONE memory (mem0 `infer:false`). */
export interface Turn {
  /** Stable id, e.g. "maya-thompson-s3-t07"; matches RAW_ID_PATTERN (letters, digits, hyphens). */
  id: string;
  userId: string;
  /** 0-based session index within the user's history. */
  session: number;
  /** 0-based position within the user's whole history (chronological). */
  position: number;
  role: "user" | "assistant";
  text: string;
  /** ISO-8601 UTC time the message was sent. */
  timestamp: string;
}

export interface Persona {
  /** The tenant: questions are answered from this user's turns only. */
  userId: string;
  name: string;
  /** Session start dates, YYYY-MM-DD, in order. */
  sessionDates: string[];
}

export interface Question {
  id: string;
  userId: string;
  category: QuestionCategory;
  question: string;
  /** Short reference answer (for humans reading failures; metrics use `evidence`). */
  answer: string;
  /** Ids of the turns that answer the question. */
  evidence: string[];
}

export interface Dataset {
  personas: Persona[];
  turns: Turn[];
  questions: Question[];
}
