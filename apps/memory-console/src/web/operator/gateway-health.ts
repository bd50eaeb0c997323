import type { HealthReport } from "@automatos/memory-gateway";

/**
 * The gateway's /healthz (same origin, no credentials: it carries no tenant data). It answers 503 with the
 * same report while unready, which is exactly when an operator looks, so any status with a JSON body counts.
 */
export async function fetchGatewayHealth(): Promise<HealthReport> {
  const res = await fetch("/healthz", { signal: AbortSignal.timeout(10_000) });
  const body = (await res.json().catch(() => null)) as HealthReport | null;
  if (!body || typeof body.status !== "string") throw new Error(`/healthz answered ${res.status}`);
  return body;
}
