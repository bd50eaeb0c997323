/**
 * The baseline for P4: `search` the way the official mem0 TS SDK transports it (mem0-contract §2.1):
 * global fetch, JSON headers, `response.ok` check, `response.json()`. To compare transports and not
 * features, it parses and normalises the answer with the same zod schema and mapping as our client; it
 * has no timeout, retry or breaker (the SDK has none either).
 */

import { toMemory } from "../src/schemas/normalize.js";
import { serverListResponse } from "../src/schemas/server-schemas.js";
import type { Mem0Memory, SearchRequest } from "../src/types.js";

export function createFetchSearch(baseUrl: string, apiKey: string) {
  const url = `${baseUrl}/search`;
  return async (req: SearchRequest): Promise<Mem0Memory[]> => {
    const res = await fetch(url, {
      method: "POST",
      headers: { "x-api-key": apiKey, "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify({ query: req.query, filters: req.filters, top_k: req.topK }),
    });
    if (!res.ok) throw new Error(`HTTP_${res.status}: ${await res.text()}`);
    return serverListResponse.parse(await res.json()).map(toMemory);
  };
}
