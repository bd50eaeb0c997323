/**
 * The embedded engine's default embedder, loaded in this process for the "dense only" baseline. mem0-embedded
 * is moving its default from the offline lexical embedder (`createLocalEmbedder`) to a sentence model
 * (`createDefaultEmbedder`, async, with `close`): whichever the package exports is used, so the harness
 * needs no change when the default changes. The caller compares `id` with the engine's reported embedder.
 */
import * as embedders from "@automatos/mem0-embedded/embedder";

export interface DenseEmbedder {
  id: string;
  dimensions: number;
  embedQuery(text: string): Promise<number[]>;
  embedDocuments(texts: string[]): Promise<number[][]>;
  /** The engine's search-path embedding, when the embedder has one. */
  embedForSearch?(text: string): Promise<number[]>;
  close?(): Promise<void> | void;
}

type Factory = () => DenseEmbedder | Promise<DenseEmbedder>;

export async function loadDefaultEmbedder(): Promise<DenseEmbedder> {
  const createDefault = (embedders as unknown as { createDefaultEmbedder?: Factory }).createDefaultEmbedder;
  if (typeof createDefault === "function") return await createDefault();
  return embedders.createLocalEmbedder();
}
