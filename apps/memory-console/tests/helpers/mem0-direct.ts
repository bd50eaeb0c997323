import { request } from "undici";

/**
 * Reads one memory straight from mem0 (bypassing the gateway and the router), to prove a delete reached the
 * store. The self-hosted contract answers `200 null` for a missing id (docs/mem0-contract.md §1.6).
 */
export async function mem0Memory(mem0: { url: string; apiKey: string }, id: string): Promise<unknown> {
  const res = await request(`${mem0.url}/memories/${encodeURIComponent(id)}`, {
    headers: { "x-api-key": mem0.apiKey },
    headersTimeout: 10_000,
    bodyTimeout: 10_000,
  });
  if (res.statusCode !== 200) throw new Error(`mem0 GET /memories/{id} answered ${res.statusCode}`);
  return res.body.json();
}
