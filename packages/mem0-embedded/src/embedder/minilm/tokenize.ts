/**
 * WordPiece tokenisation by @huggingface/tokenizers from the model's own tokenizer.json (BERT normaliser:
 * lower case, accents kept as in the model's config; [CLS] ... [SEP]), truncated the way sentence-transformers
 * does for this model (256 tokens, [SEP] kept last) and padded into int64 batch tensors.
 */
import { readFileSync } from "node:fs";
import { Tokenizer } from "@huggingface/tokenizers";
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
