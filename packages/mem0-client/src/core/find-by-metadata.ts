/**
 * findByMetadata: the memories of one scope whose metadata holds exact values, used by the outbox relay to
 * look for a job's marker before it adds again after an ambiguous failure (an add that may have landed).
 *
 * The self-hosted server has no list-by-metadata call: GET /memories takes only ids. Its POST /search does
 * take metadata filters (applied in SQL, `payload->>'key' = value`), so this is a search for the job's own
 * text with threshold 0 inside those filters: every memory carrying the marker in that scope, up to topK.
 * The platform dialect answers null ("cannot tell"): its adds are queued (an event), so a memory may appear
 * after any lookup, and its metadata filter syntax differs; the caller then adds again (at least once).
 */
import { type DialectOps, snakeIds } from "../dialects/dialect.js";
import type { CallOptions, FindByMetadataRequest, Mem0Dialect, Mem0Memory } from "../types.js";

export async function findByMetadata(
  ops: DialectOps,
  dialect: Mem0Dialect,
  req: FindByMetadataRequest,
  opts?: CallOptions,
): Promise<Mem0Memory[] | null> {
  if (dialect !== "server") return null;
  const found = await ops.search(
    { query: req.query, filters: { ...snakeIds(req), ...req.metadata }, topK: req.topK ?? 100, threshold: 0 },
    opts,
  );
  // The filters already say it; checked again so a server that ignored a filter cannot fake a match.
  return found.filter((m) => Object.entries(req.metadata).every(([k, v]) => m.metadata?.[k] === v));
}
