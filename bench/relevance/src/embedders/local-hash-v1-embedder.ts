import { asEmbedder, hash32, type LocalEmbedder } from "@automatos/mem0-embedded/embedder";

/**
 * mem0-embedded's previous default embedder ("local-hash-v1"), kept here only so the embedder study can
 * reproduce its rows (README table). Signed feature hashing of
 *  - lower-cased, accent-stripped word unigrams, lightly stemmed ("teas" = "tea"; stop words down-weighted),
 *  - word bigrams (order and short phrases),
 *  - character 3-grams of each word with boundary marks (typos, inflections: "vegetarian" ~ "vegetarians"),
 * each group scaled to a fixed share of the vector's mass, then L2-normalised.
 *
 * It matches texts that share words or word fragments. It cannot match synonyms or paraphrases
 * ("car" vs "automobile", "I'm vegan" vs "doesn't eat animal products"): there is no learned model here.
 *
 * The shape follows LangChain's `Embeddings` (embedQuery / embedDocuments), which mem0's "langchain"
 * embedder provider accepts by duck typing.
 */

// Frequent function words carry little meaning but would dominate short texts.
const STOP_WORDS = new Set(
  (
    "a an and are as at be been but by can could did do does for from had has have he her him his how i if in " +
    "into is it its me my no not of on or our she so than that the their them then there these they this to " +
    "too us was we were what when where which who why will with would you your im ive id dont doesnt"
  ).split(" "),
);

// Share of the squared norm each feature group gets before the final normalisation.
const WEIGHTS = { unigram: 1.0, bigram: 0.6, trigram: 0.5 } as const;
const STOP_WORD_WEIGHT = 0.25;

export function createLocalHashV1Embedder(dimensions = 512): LocalEmbedder {
  if (!Number.isInteger(dimensions) || dimensions < 16 || dimensions > 4096)
    throw new Error(`dimensions must be an integer in 16..4096, got ${dimensions}`);
  return asEmbedder(`local-hash-v1-${dimensions}`, dimensions, (text) => embedText(text, dimensions));
}

/** Lower-case, strip accents, split into letter/digit runs; apostrophes are dropped inside words. */
export function tokenize(text: string): string[] {
  const normalised = text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/['’]/g, "");
  return normalised.match(/[\p{L}\p{N}]+/gu) ?? [];
}

function embedText(text: string, dims: number): number[] {
  const words = tokenize(String(text));
  const vec = new Float64Array(dims);
  if (words.length === 0) {
    // A constant direction keeps empty input finite (all-zero vectors have no cosine).
    vec[0] = 1;
    return Array.from(vec);
  }
  const unigrams = new Map<string, number>();
  const bigrams = new Map<string, number>();
  const trigrams = new Map<string, number>();
  const stems = words.map(stem);
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as string;
    bump(unigrams, stems[i] as string);
    if (i > 0) bump(bigrams, `${stems[i - 1]} ${stems[i]}`);
    const padded = `<${w}>`;
    for (let j = 0; j + 3 <= padded.length; j++) bump(trigrams, padded.slice(j, j + 3));
  }
  addGroup(vec, unigrams, WEIGHTS.unigram, 0x9e3779b1, (w) => (STOP_WORDS.has(w) ? STOP_WORD_WEIGHT : 1));
  addGroup(vec, bigrams, WEIGHTS.bigram, 0x85ebca77, () => 1);
  addGroup(vec, trigrams, WEIGHTS.trigram, 0xc2b2ae3d, () => 1);
  let norm = 0;
  for (let i = 0; i < dims; i++) norm += (vec[i] as number) ** 2;
  norm = Math.sqrt(norm) || 1;
  const out = new Array<number>(dims);
  for (let i = 0; i < dims; i++) out[i] = (vec[i] as number) / norm;
  return out;
}

/** A crude English suffix stripper: enough to fold plurals and -ing/-ed forms, never a dictionary. */
export function stem(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  if (word.endsWith("ies") && word.length > 4) return `${word.slice(0, -3)}y`;
  if (word.endsWith("sses")) return word.slice(0, -2);
  if (word.endsWith("ing") && word.length > 5) return undouble(word.slice(0, -3));
  if (word.endsWith("ed") && word.length > 4) return undouble(word.slice(0, -2));
  if (word.endsWith("s") && !word.endsWith("ss") && !word.endsWith("us") && !word.endsWith("is"))
    return word.slice(0, -1);
  return word;
}

/** "runn" -> "run", "stopp" -> "stop" (but "fall", "pass", "buzz" stay). */
function undouble(w: string): string {
  const last = w.at(-1) as string;
  return w.length > 2 && last === w.at(-2) && !"lsz".includes(last) && /[^aeiou]/.test(last)
    ? w.slice(0, -1)
    : w;
}

function bump(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

/**
 * Adds one feature group with sub-linear term frequency, scaled so the group's own squared norm is `weight`
 * (long texts do not drown the word features in character n-grams).
 */
function addGroup(
  vec: Float64Array,
  counts: Map<string, number>,
  weight: number,
  seed: number,
  multiplier: (feature: string) => number,
): void {
  if (counts.size === 0) return;
  const values = new Map<string, number>();
  let sq = 0;
  for (const [feature, count] of counts) {
    const value = (1 + Math.log(count)) * multiplier(feature);
    values.set(feature, value);
    sq += value * value;
  }
  const scale = Math.sqrt(weight / sq);
  for (const [feature, value] of values) {
    const h = hash32(feature, seed);
    const idx = h % vec.length;
    const sign = h & 0x80000000 ? -1 : 1;
    vec[idx] = (vec[idx] as number) + sign * value * scale;
  }
}
