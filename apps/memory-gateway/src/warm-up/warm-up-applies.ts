import type { GatewayConfig } from "../config.js";

/**
 * Why the start-up warm-up (warm-up-gateway.ts) does not run for this configuration, or null when it does.
 * It runs only on the local default, where every call it makes stays in this gateway and its embedded engine:
 * a remote mem0, a remote embedder or an LLM would bill or rate-limit synthetic turns, a legacy store would
 * get mirror rows, a shared PostgreSQL outbox could hand the jobs to another gateway's relay, and with the
 * relay off nothing would deliver them.
 */
export function warmUpSkipReason(config: GatewayConfig): string | null {
  if (config.warmUp.turns === 0) return "GATEWAY_WARM_UP_TURNS is 0";
  if (config.mem0.kind === "remote") return "mem0 is remote (MEM0_API_URL)";
  if (config.mem0.embedder) return "the embedder is remote (EMBEDDING_BASE_URL)";
  if (config.mem0.llm) return "an LLM is configured (LLM_BASE_URL)";
  if (config.legacy) return "a legacy store is configured (LEGACY_DATABASE_URL)";
  if (config.databaseUrl) return "the outbox is on a shared PostgreSQL (DATABASE_URL)";
  if (!config.relay) return "the relay is off (GATEWAY_RELAY)";
  return null;
}
