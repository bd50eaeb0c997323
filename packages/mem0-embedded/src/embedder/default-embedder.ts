/** The offline embedder the embedded mem0 uses when no embedding endpoint is configured. */
import { createMiniLmEmbedder, type MiniLmEmbedder } from "./minilm-embedder.js";

export { DEFAULT_EMBEDDER_ID } from "./minilm/identity.js";

export function createDefaultEmbedder(): Promise<MiniLmEmbedder> {
  return createMiniLmEmbedder();
}
