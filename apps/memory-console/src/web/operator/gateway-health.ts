import { z } from "zod";

/**
 * The page's view of the gateway's /healthz report: only the fields the operator view shows, checked at the
 * boundary (the page imports nothing from the gateway app; an unknown extra field is ignored, a missing or
 * mistyped one is an error that says so rather than a blank figure).
 */
const engineSchema = z.object({
  state: z.enum(["running", "restarting", "stopped"]),
  restarts: z.number(),
  lastExit: z.object({ cause: z.string(), exit: z.string(), at: z.string() }).nullable(),
});

const outboxSchema = z.object({
  pending: z.number(),
  inFlight: z.number(),
  dead: z.number(),
  oldestPendingAgeMs: z.number().nullable().optional(),
});

export const gatewayHealthSchema = z.object({
  status: z.enum(["ok", "degraded", "unready", "draining"]),
  ready: z.boolean(),
  checks: z.object({
    mem0: z.object({ ok: z.boolean(), unreachableForMs: z.number(), engine: engineSchema.optional() }),
    outbox: outboxSchema.optional(),
    relay: z.enum(["running", "off"]),
  }),
});

export type GatewayHealth = z.infer<typeof gatewayHealthSchema>;

/**
 * The gateway's /healthz (same origin, no credentials: it carries no tenant data). It answers 503 with the
 * same report while unready, which is exactly when an operator looks, so any status with a JSON body counts.
 */
export async function fetchGatewayHealth(): Promise<GatewayHealth> {
  const res = await fetch("/healthz", { signal: AbortSignal.timeout(10_000) });
  const body: unknown = await res.json().catch(() => null);
  const parsed = gatewayHealthSchema.safeParse(body);
  if (!parsed.success) throw new Error(`/healthz answered ${res.status} with an unexpected report`);
  return parsed.data;
}
