import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Dataset, Persona, Question, Turn } from "./types.js";

const DATA_DIR = fileURLToPath(new URL("../../data/", import.meta.url));

let cached: Dataset | undefined;

/** The relevance set shipped in data/ (parsed once per process). */
export function loadDataset(): Dataset {
  if (!cached) {
    const conv = JSON.parse(readFileSync(`${DATA_DIR}conversations.json`, "utf8")) as {
      personas: Persona[];
      turns: Turn[];
    };
    const { questions } = JSON.parse(readFileSync(`${DATA_DIR}questions.json`, "utf8")) as {
      questions: Question[];
    };
    cached = { personas: conv.personas, turns: conv.turns, questions };
  }
  return cached;
}
