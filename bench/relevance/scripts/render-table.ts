/** Prints results/experiments.json (last run of each name/store/fetch) as the markdown tables in README. */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

type Row = {
  name: string;
  store: string;
  fetchK: number | null;
  recall5: number;
  recall10: number;
  hit10: number;
  byCategoryRecall10: Record<string, number>;
};
const file = fileURLToPath(new URL("../results/experiments.json", import.meta.url));
const { runs } = JSON.parse(readFileSync(file, "utf8")) as { runs: { rows: Row[] }[] };
const byName = new Map<string, Map<string, Row>>();
for (const run of runs) {
  for (const r of run.rows) {
    const cols = byName.get(r.name) ?? new Map<string, Row>();
    cols.set(r.store === "-" || r.store === "cosine" ? r.store : `${r.store}@${r.fetchK}`, r);
    byName.set(r.name, cols);
  }
}
const bm25 = byName.get("bm25")!.get("-")!.recall10;
const cell = (r?: Row) => (r ? `${r.recall10.toFixed(3)} (${(r.recall10 / bm25).toFixed(2)}x)` : "");
const order = ["multi-session", "paraphrased", "single-fact", "temporal"];
const categories = (r: Row) => order.map((c) => (r.byCategoryRecall10[c] ?? 0).toFixed(2)).join(" / ");

console.log("| baseline | recall@5 | recall@10 | hit@10 | recall@10 multi / para / single / temporal |");
console.log("|---|---|---|---|---|");
for (const [name, cols] of byName) {
  const r = cols.get("-");
  if (r)
    console.log(
      `| ${name} | ${r.recall5.toFixed(3)} | ${r.recall10.toFixed(3)} | ${r.hit10.toFixed(3)} | ${categories(r)} |`,
    );
}
console.log("\nrecall@10 (x BM25):\n");
console.log(
  "| embedder variant | cosine only | mem0 memory, topK 10 | mem0 memory, topK 50 | **mem0 pgvector** | recall@5 / hit@10 * | recall@10 multi / para / single / temporal * |",
);
console.log("|---|---|---|---|---|---|---|");
for (const [name, cols] of byName) {
  if (cols.has("-")) continue;
  const main = cols.get("pgvector@10") ?? cols.get("memory@10")!;
  const cells = [
    cols.get("cosine"),
    cols.get("memory@10"),
    cols.get("memory@50"),
    cols.get("pgvector@10"),
  ].map(cell);
  console.log(
    `| ${name} | ${cells.join(" | ")} | ${main.recall5.toFixed(3)} / ${main.hit10.toFixed(3)} | ${categories(main)} |`,
  );
}
console.log("\n\\* on pgvector where measured, else on the memory store with topK 10.");
