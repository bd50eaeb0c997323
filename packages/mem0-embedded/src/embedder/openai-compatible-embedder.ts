/**
 * Embeddings from an OpenAI-compatible `POST {baseUrl}/embeddings` endpoint, through undici with a timeout.
 * mem0's own "openai" embedder has no timeout (mem0ai/mem0#4707), so this one is handed to mem0 through its
 * duck-typed "langchain" provider instead.
 */
import { request } from "undici";
import type { EmbedderOptions } from "../options.js";

export type EmbedderFailure =
  | "timeout"
  | "unavailable"
  | "auth"
  | "rate_limited"
  | "bad_request"
  | "bad_response";

/** Carries a failure kind that the server maps onto the self-hosted server's 502 `code`. */
export class EmbedderError extends Error {
  constructor(
    readonly kind: EmbedderFailure,
    message: string,
  ) {
    super(message);
    this.name = "EmbedderError";
  }
}

const MAX_BATCH = 96;

export function createOpenAiCompatibleEmbedder(options: EmbedderOptions) {
  const url = `${options.baseUrl.replace(/\/+$/, "")}/embeddings`;
  const timeoutMs = options.timeoutMs ?? 15_000;
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (options.apiKey) headers.authorization = `Bearer ${options.apiKey}`;

  async function call(input: string[]): Promise<number[][]> {
    let res: Awaited<ReturnType<typeof request>>;
    try {
      res = await request(url, {
        method: "POST",
        headers,
        body: JSON.stringify({ model: options.model, input, dimensions: options.dimensions }),
        headersTimeout: timeoutMs,
        bodyTimeout: timeoutMs,
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (err) {
      const name = (err as Error).name;
      const code = (err as { code?: string }).code ?? "";
      if (name === "TimeoutError" || name === "AbortError" || code.includes("TIMEOUT"))
        throw new EmbedderError("timeout", `embedding endpoint timed out after ${timeoutMs} ms`);
      throw new EmbedderError("unavailable", `embedding endpoint unreachable (${code || name})`);
    }
    const text = await res.body.text();
    if (res.statusCode !== 200)
      throw new EmbedderError(kindOfStatus(res.statusCode), `embedding endpoint answered ${res.statusCode}`);
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      throw new EmbedderError("bad_response", "embedding endpoint returned invalid JSON");
    }
    const items = (data as { data?: { index?: number; embedding?: unknown }[] }).data;
    if (!Array.isArray(items) || items.length !== input.length)
      throw new EmbedderError("bad_response", "embedding endpoint returned the wrong number of vectors");
    const sorted = [...items].sort((a, b) => (a.index ?? 0) - (b.index ?? 0));
    return sorted.map((item) => {
      const v = item.embedding;
      if (!Array.isArray(v) || v.length !== options.dimensions || !v.every((x) => typeof x === "number"))
        throw new EmbedderError(
          "bad_response",
          `embedding endpoint returned a vector that is not ${options.dimensions} numbers`,
        );
      return v as number[];
    });
  }

  return {
    id: `openai-compatible:${options.model}`,
    dimensions: options.dimensions,
    async embedQuery(text: string): Promise<number[]> {
      const [v] = await call([text]);
      return v as number[];
    },
    async embedDocuments(texts: string[]): Promise<number[][]> {
      const out: number[][] = [];
      for (let i = 0; i < texts.length; i += MAX_BATCH)
        out.push(...(await call(texts.slice(i, i + MAX_BATCH))));
      return out;
    },
  };
}

function kindOfStatus(status: number): EmbedderFailure {
  if (status === 401 || status === 403) return "auth";
  if (status === 429) return "rate_limited";
  if (status === 408 || status === 504) return "timeout";
  if (status >= 500) return "unavailable";
  return "bad_request";
}
