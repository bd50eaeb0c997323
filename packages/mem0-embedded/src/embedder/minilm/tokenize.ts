/**
 * WordPiece tokenisation by @huggingface/tokenizers from the model's own tokenizer.json (BERT normaliser:
 * lower case, accents kept as in the model's config; [CLS] ... [SEP]), truncated the way sentence-transformers
 * does for this model (256 tokens, [SEP] kept last) and padded into int64 batch tensors.
 */
import { readFileSync } from "node:fs";
import { Tokenizer } from "@huggingface/tokenizers";
import type { MiniLmPrecision } from "./identity.js";
import { MODEL_FILES } from "./model-cache.js";

let tokenizer: Tokenizer | undefined;

function sharedTokenizer(): Tokenizer {
  tokenizer ??= new Tokenizer(JSON.parse(readFileSync(MODEL_FILES.tokenizer, "utf8")), {});
  return tokenizer;
}

export interface TokenBatch {
  batch: number;
  sequence: number;
  inputIds: BigInt64Array;
  attentionMask: BigInt64Array;
}

export function tokenIds(text: string, maxTokens = MODEL_FILES.maxTokens): number[] {
  const ids = sharedTokenizer().encode(text).ids;
  if (ids.length <= maxTokens) return ids;
  return [...ids.slice(0, maxTokens - 1), ids[ids.length - 1]!];
}

/**
 * The model runs for these texts. fp32: one padded batch (several times faster per text than one at a time).
 * int8: one run per text, unpadded. The int8 graph quantizes each layer's input with one scale for the whole
 * tensor, so in a batch a text's vector would depend on its neighbours and padding; alone, a text always gets
 * the same vector, and int8 loses little by not batching (README, "Embedder").
 */
export function tokenRuns(texts: string[], precision: MiniLmPrecision): TokenBatch[] {
  if (texts.length === 0) return [];
  return precision === "int8" ? texts.map((t) => tokenBatch([t])) : [tokenBatch(texts)];
}

export function tokenBatch(texts: string[]): TokenBatch {
  const rows = texts.map((t) => tokenIds(t));
  const sequence = Math.max(...rows.map((r) => r.length));
  const inputIds = new BigInt64Array(rows.length * sequence);
  const attentionMask = new BigInt64Array(rows.length * sequence);
  rows.forEach((row, r) => {
    row.forEach((id, i) => {
      inputIds[r * sequence + i] = BigInt(id);
      attentionMask[r * sequence + i] = 1n;
    });
  });
  return { batch: rows.length, sequence, inputIds, attentionMask };
}
