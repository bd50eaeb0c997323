/** Name and size of the MiniLM embedder, without loading onnxruntime (the data-dir guard needs only these). */

/**
 * How the model's linear layers run: int8 weights with dynamic activation quantization (default: about 4x
 * less CPU per embedding, cosine 0.993 to fp32 on average; README, "Embedder") or the original fp32.
 */
export type MiniLmPrecision = "int8" | "fp32";
export const DEFAULT_MINILM_PRECISION: MiniLmPrecision = "int8";

/** The default MiniLM (int8). Vectors of the two precisions are close but not the same: each has its id. */
export const MINILM_EMBEDDER_ID = "all-minilm-l6-v2-int8";
export const MINILM_FP32_EMBEDDER_ID = "all-minilm-l6-v2";
export const MINILM_DIMENSIONS = 384;

export function minilmEmbedderId(precision: MiniLmPrecision): string {
  return precision === "int8" ? MINILM_EMBEDDER_ID : MINILM_FP32_EMBEDDER_ID;
}

/** The offline embedder the embedded mem0 uses when no embedding endpoint is configured. */
export const DEFAULT_EMBEDDER_ID = MINILM_EMBEDDER_ID;
