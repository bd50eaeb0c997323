import { readFileSync } from "node:fs";
import type { ConceptLexicon } from "@automatos/mem0-embedded/embedder";
import { stem } from "@automatos/text";

/**
 * A concept lexicon derived from WordNet 3.x (Princeton; WordNet licence): each single-word lemma maps to the
 * synsets of its `senses` most frequent senses per part of speech, keeping only synsets with >= 2 member words
 * (a one-word synset adds nothing the word feature does not already give). Keys are Porter stems, so the
 * lemmas "profession" and "professional" pool their synsets. Optional `hypernyms` adds each kept synset's
 * direct parent ("nurse" -> "health professional").
 */
export function createWordnetLexicon(
  dictDir: string,
  options: { senses?: number; hypernyms?: boolean } = {},
): ConceptLexicon {
  const senses = options.senses ?? 1;
  const byStem = new Map<string, Set<string>>();
  for (const pos of ["noun", "verb", "adj", "adv"]) {
    const data = readFileSync(`${dictDir}/data.${pos}`);
    const synset = (offset: string): { size: number; parents: string[] } => {
      const start = Number(offset);
      const end = data.indexOf(10, start);
      const fields = data.toString("latin1", start, end).split(" ");
      const size = Number.parseInt(fields[3] ?? "0", 16);
      const pIdx = 4 + size * 2;
      const pCount = Number(fields[pIdx] ?? 0);
      const parents: string[] = [];
      for (let i = 0; i < pCount; i++) {
        const sym = fields[pIdx + 1 + i * 4];
        if (sym === "@" || sym === "@i") parents.push(`${fields[pIdx + 3 + i * 4]}`);
      }
      return { size, parents };
    };
    for (const line of readFileSync(`${dictDir}/index.${pos}`, "latin1").split("\n")) {
      if (line.startsWith(" ") || line.length === 0) continue;
      const f = line.trim().split(" ");
      const lemma = f[0]!;
      if (lemma.includes("_") || lemma.includes("-")) continue;
      const ptrCount = Number(f[3]);
      const offsets = f.slice(4 + ptrCount + 2).slice(0, senses);
      const key = stem(lemma);
      const set = byStem.get(key) ?? new Set<string>();
      for (const off of offsets) {
        const s = synset(off);
        if (s.size >= 2) set.add(`${pos[0]}${off}`);
        if (options.hypernyms) for (const p of s.parents) set.add(`${pos[0]}${p}`);
      }
      if (set.size > 0) byStem.set(key, set);
    }
  }
  const lists = new Map([...byStem].map(([k, v]) => [k, [...v]]));
  return { conceptsOf: (s) => lists.get(s) ?? [], size: lists.size };
}
