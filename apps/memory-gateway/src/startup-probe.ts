import type { Mem0Client } from "@automatos/mem0-client";
import { errorKind } from "./observability/error-kind.js";

/** A start-up failure whose message says which variable to fix and what to run; never a secret's value. */
export class GatewayStartError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "GatewayStartError";
  }
}

// A mem0 id no tenant can have (tenant ids always start with "workspace_"): reading it proves the API key works
// without touching anyone's data.
const PROBE_USER = "automatos-gateway-startup-probe";

/**
 * Checks mem0 once before serving: reachable (ping), and the key accepted (an authenticated read of an empty
 * scope). A wrong MEM0_API_URL or MEM0_API_KEY then fails at start with a fix, instead of as 502s later.
 */
export async function probeMem0(mem0: Mem0Client, mode: "embedded" | "remote"): Promise<void> {
  const where = mode === "remote" ? "MEM0_API_URL" : "the embedded mem0";
  try {
    await mem0.ping({ timeoutMs: 5_000 });
  } catch (err) {
    throw new GatewayStartError(
      `memory-gateway: ${where} is not reachable (${errorKind(err)}). ` +
        "Check the URL and that mem0 is running; probe it with `pnpm mem0:check` (same MEM0_API_URL / MEM0_API_KEY).",
    );
  }
  try {
    await mem0.getAll({ userId: PROBE_USER, topK: 1 }, { timeoutMs: 5_000 });
  } catch (err) {
    const kind = errorKind(err);
    const hint =
      kind === "auth"
        ? "MEM0_API_KEY was rejected by mem0 (401/403): set the server's ADMIN_API_KEY or a valid m0sk_ key"
        : `an authenticated read failed (${kind})`;
    throw new GatewayStartError(
      `memory-gateway: ${hint}. Probe the endpoint with \`pnpm mem0:check\` (same MEM0_API_URL / MEM0_API_KEY).`,
    );
  }
}
