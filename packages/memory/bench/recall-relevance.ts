/**
 * What the recall pipeline does to relevance and to the number of memories in a prompt, on the relevance set
 * of bench/relevance (380 questions over 3,060 stored turns, 10 tenants), through the in-process client on
 * an embedded mem0. Compares raw memory.search (top 10) with memory.recall under its defaults and with one
 * rule changed at a time. Writes bench/results/recall-relevance.json. Not a docs/targets.md figure (P10 belongs
 * to bench/relevance); it is the evidence behind the floor and dedup defaults in src/recall.
 *   pnpm --filter @automatos/memory relevance
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { round } from "@automatos/bench";
import { createMemoryClient } from "../src/client/create-memory-client.js";
import { DEFAULT_CONFIG, type RecallConfig } from "../src/config.js";
import { createInnerContext } from "../src/context.js";
import { appRouter } from "../src/root.js";
import type { MemoryStack } from "../src/stack/index.js";
import { startLocalStack } from "../src/testing/local-stack.js";

const HERE = dirname(fileURLToPath(import.meta.url));
const DATA = join(HERE, "../../../bench/relevance/data");

interface Turn {
  id: string;
  userId: string;
  position: number;
  role: "user" | "assistant";
  text: string;
}
interface Question {
  userId: string;
  question: string;
  evidence: string[];
  category: string;
}

const conversations = JSON.parse(readFileSync(join(DATA, "conversations.json"), "utf8")) as { turns: Turn[] };
const { questions } = JSON.parse(readFileSync(join(DATA, "questions.json"), "utf8")) as {
  questions: Question[];
};

type Retrieve = (userId: string, question: string) => Promise<string[]>;

function client(stack: MemoryStack, userId: string, recall: Partial<RecallConfig> = {}) {
  const principal = { app: "chatbot", workspaceId: "rel", userId } as const;
  const config = { ...stack.config, recall: { ...stack.config.recall, ...recall } };
  return createMemoryClient({
    source: "chatbot",
    inProcess: {
      router: appRouter,
      createContext: async () => createInnerContext({ mem0: stack.mem0, principal, config }),
    },
  });
}

async function load(stack: MemoryStack): Promise<void> {
  const byUser = new Map<string, Turn[]>();
  for (const t of conversations.turns) byUser.set(t.userId, [...(byUser.get(t.userId) ?? []), t]);
  await Promise.all(
    [...byUser].map(async ([userId, turns]) => {
      const c = client(stack, userId);
      // One memory per turn, in conversation order (so createdAt orders them for "newest wins").
      for (const t of turns.sort((a, b) => a.position - b.position)) {
        await c.memory.add.mutate({
          messages: [{ role: t.role, content: t.text }],
          metadata: { turn_id: t.id },
        });
      }
    }),
  );
}

async function evaluate(retrieve: Retrieve) {
  let recall = 0;
  let hits = 0;
  let returned = 0;
  let relevant = 0;
  let empty = 0;
  const byCategory: Record<string, { sum: number; n: number }> = {};
  for (const q of questions) {
    const got = new Set((await retrieve(q.userId, q.question)).slice(0, 10));
    const found = q.evidence.filter((e) => got.has(e)).length;
    recall += found / q.evidence.length;
    hits += found > 0 ? 1 : 0;
    returned += got.size;
    relevant += found;
    if (got.size === 0) empty++;
    const c = byCategory[q.category] ?? { sum: 0, n: 0 };
    c.sum += found / q.evidence.length;
    c.n++;
    byCategory[q.category] = c;
  }
  const n = questions.length;
  // Control: every question asked of ANOTHER user (the next persona), whose memories cannot answer it. What
  // comes back is what the pipeline would inject for an unrelated question ("saying randomly").
  const users = [...new Set(questions.map((q) => q.userId))].sort();
  let offTopic = 0;
  for (const q of questions) {
    const other = users[(users.indexOf(q.userId) + 1) % users.length] as string;
    offTopic += (await retrieve(other, q.question)).slice(0, 10).length;
  }
  return {
    offTopicMemoriesPerTurn: round(offTopic / n, 2),
    recallAt10: round(recall / n, 3),
    hitAt10: round(hits / n, 3),
    memoriesPerTurn: round(returned / n, 2),
    precision: round(relevant / Math.max(returned, 1), 3),
    noMemory: empty,
    recallAt10ByCategory: Object.fromEntries(
      Object.entries(byCategory).map(([k, v]) => [k, round(v.sum / v.n, 3)]),
    ),
  };
}

const turnIds = (ms: { metadata: Record<string, unknown> | null }[]) =>
  ms.map((m) => String(m.metadata?.turn_id));

const dir = mkdtempSync(join(tmpdir(), "memory-relevance-"));
// Relevance, not latency, is measured here: no call may degrade.
const stack = await startLocalStack(join(dir, "mem0"), { config: { recall: { timeBudgetMs: 30_000 } } });
try {
  await load(stack);
  const recallWith =
    (recall: Partial<RecallConfig>): Retrieve =>
    async (userId, question) =>
      turnIds(
        (
          await client(stack, userId, recall).memory.recall.query({
            query: question,
            maxMemories: 10,
            tokenBudget: 8_000,
          })
        ).memories,
      );
  const f = DEFAULT_CONFIG.recall.floor;
  const variants: Record<string, Retrieve> = {
    "search top 10": async (userId, question) =>
      turnIds((await client(stack, userId).memory.search.query({ query: question, topK: 10 })).memories),
    "recall (defaults)": recallWith({}),
    "recall, relative floor 0.5": recallWith({ floor: { ...f, relativeToBest: 0.5 } }),
    "recall, no relative floor": recallWith({ floor: { ...f, relativeToBest: 0 } }),
    "recall, strongScore 0.2": recallWith({ floor: { ...f, strongScore: 0.2 } }),
    "recall, strongScore 0.15": recallWith({ floor: { ...f, strongScore: 0.15 } }),
    "recall, no lexical rule": recallWith({ floor: { ...f, strongScore: 0 } }),
    "recall, no lexical rule, relative 0.5": recallWith({
      floor: { ...f, strongScore: 0, relativeToBest: 0.5 },
    }),
    "recall, no lexical rule, minScore 0.15": recallWith({ floor: { ...f, strongScore: 0, minScore: 0.15 } }),
    "recall, searchTopK 10": recallWith({ searchTopK: 10 }),
    "recall, searchTopK 30": recallWith({ searchTopK: 30 }),
    "recall, no dedup": recallWith({
      dedup: { duplicateJaccard: 2, minPrefixTokens: 1_000, prefixShare: 2 },
    }),
  };
  const only = process.argv.slice(2);
  const results: Record<string, unknown> = {};
  for (const [name, retrieve] of Object.entries(variants)) {
    if (only.length > 0 && !only.some((o) => name.includes(o))) continue;
    results[name] = await evaluate(retrieve);
    console.log(name, JSON.stringify(results[name]));
  }
  const out = join(HERE, "results", "recall-relevance.json");
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(
    out,
    `${JSON.stringify({ questions: questions.length, turns: conversations.turns.length, embedder: stack.embedded?.embedder, measuredAt: new Date().toISOString(), results }, null, 2)}\n`,
  );
} finally {
  await stack.close();
  rmSync(dir, { recursive: true, force: true });
}
