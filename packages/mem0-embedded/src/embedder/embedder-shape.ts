/** What mem0's "langchain" embedder provider needs (duck-typed LangChain `Embeddings`), plus a name and size. */
export interface LocalEmbedder {
  readonly id: string;
  readonly dimensions: number;
  embed(text: string): number[];
  embedQuery(text: string): Promise<number[]>;
  embedDocuments(texts: string[]): Promise<number[][]>;
}

/** Wraps a synchronous embedding function in the LangChain shape. */
export function asEmbedder(id: string, dimensions: number, embed: (text: string) => number[]): LocalEmbedder {
  return {
    id,
    dimensions,
    embed,
    embedQuery: async (text) => embed(text),
    embedDocuments: async (texts) => texts.map(embed),
  };
}
