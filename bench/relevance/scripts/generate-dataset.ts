/**
 * Writes data/conversations.json and data/questions.json from the hand-written sources in
 * scripts/dataset-source (deterministic: the same sources always give the same files).
 * Run: pnpm --filter @automatos/relevance dataset:generate
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { buildDataset } from "./dataset-source/build-dataset.js";
import { PERSONAS } from "./dataset-source/index.js";

const dataDir = fileURLToPath(new URL("../data/", import.meta.url));
const dataset = buildDataset(PERSONAS);
writeFileSync(
  `${dataDir}conversations.json`,
  `${JSON.stringify({ personas: dataset.personas, turns: dataset.turns }, null, 2)}\n`,
);
writeFileSync(`${dataDir}questions.json`, `${JSON.stringify({ questions: dataset.questions }, null, 2)}\n`);
console.log(
  `${dataset.personas.length} personas, ${dataset.turns.length} turns, ${dataset.questions.length} questions`,
);
