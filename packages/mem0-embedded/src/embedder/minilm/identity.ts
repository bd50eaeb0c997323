/** Name and size of the MiniLM embedder, without loading onnxruntime (the data-dir guard needs only these). */
export const MINILM_EMBEDDER_ID = "all-minilm-l6-v2";
export const MINILM_DIMENSIONS = 384;
/** The offline embedder the embedded mem0 uses when no embedding endpoint is configured. */
export const DEFAULT_EMBEDDER_ID = MINILM_EMBEDDER_ID;
