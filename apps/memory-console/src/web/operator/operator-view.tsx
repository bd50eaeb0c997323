import { useQuery } from "@tanstack/react-query";
import type { MemoryClient } from "../api.js";
import { formatMs } from "../format.js";
import { ErrorNote, Loading } from "../status.js";
import { DeadLettersPanel } from "./dead-letters-panel.js";
import { fetchGatewayHealth } from "./gateway-health.js";

const REFRESH_MS = 5_000;

/**
 * The operator view (admin service token): mem0 reachability and latency, the circuit breaker, the outbox
 * backlog and its lag, dead letters (with retry), and the embedded engine's restarts. Sources: memory.health
 * (the router's own check, through the admin token), memory.deadLetters, and the gateway's /healthz
 * (supervisor, relay, database).
 */
export function OperatorView({ admin }: { admin: MemoryClient }) {
  const health = useQuery({
    queryKey: ["operator", "health"],
    queryFn: () => admin.memory.health.query(),
    refetchInterval: REFRESH_MS,
  });
  const gateway = useQuery({
    queryKey: ["operator", "healthz"],
    queryFn: fetchGatewayHealth,
    refetchInterval: REFRESH_MS,
  });
  const mem0 = health.data?.mem0;
  const engine = gateway.data?.checks.mem0.engine;
  const outbox = gateway.data?.checks.outbox ?? health.data?.outbox ?? null;
  const down = mem0 ? !mem0.reachable : gateway.data ? !gateway.data.checks.mem0.ok : false;

  return (
    <>
      <section aria-labelledby="mem0-heading" className="group">
        <h2 id="mem0-heading">mem0</h2>
        {health.isPending && <Loading what="mem0 health" />}
        {health.isError && <ErrorNote error={health.error} what="memory.health failed" />}
        {(mem0 || gateway.data) && (
          <p className={down ? "badge bad" : "badge good"} role="status">
            {down ? "mem0 is DOWN: not answering" : "mem0 is up"}
          </p>
        )}
        <dl className="figures">
          <dt>Reachable</dt>
          <dd>{mem0 ? (mem0.reachable ? "yes" : "no") : "—"}</dd>
          <dt>Ping latency</dt>
          <dd>{formatMs(mem0?.latencyMs)}</dd>
          <dt>Circuit breaker</dt>
          <dd>{mem0?.breaker ?? "—"}</dd>
          <dt>Unreachable for</dt>
          <dd>{formatMs(gateway.data?.checks.mem0.unreachableForMs)}</dd>
          <dt>Last error</dt>
          <dd>{mem0?.error ?? "none"}</dd>
          <dt>Fact extraction (LLM)</dt>
          <dd>{health.data?.inference ?? "—"}</dd>
          <dt>Gateway status</dt>
          <dd>
            {gateway.data ? `${gateway.data.status} (ready: ${gateway.data.ready ? "yes" : "no"})` : "—"}
          </dd>
        </dl>
        {gateway.isError && <ErrorNote error={gateway.error} what="/healthz failed" />}
      </section>

      <section aria-labelledby="engine-heading" className="group">
        <h2 id="engine-heading">Embedded engine</h2>
        {engine ? (
          <dl className="figures">
            <dt>State</dt>
            <dd>{engine.state}</dd>
            <dt>Restarts</dt>
            <dd>{engine.restarts}</dd>
            <dt>Last exit</dt>
            <dd>
              {engine.lastExit
                ? `${engine.lastExit.cause}, ${engine.lastExit.exit}, at ${engine.lastExit.at}`
                : "none"}
            </dd>
          </dl>
        ) : (
          <p className="note empty">
            {gateway.data ? "No embedded engine: this gateway uses an external mem0." : "—"}
          </p>
        )}
      </section>

      <section aria-labelledby="outbox-heading" className="group">
        <h2 id="outbox-heading">Outbox</h2>
        {outbox ? (
          <dl className="figures">
            <dt>Backlog (pending)</dt>
            <dd>{outbox.pending}</dd>
            <dt>Being delivered</dt>
            <dd>{outbox.inFlight}</dd>
            <dt>Lag (oldest pending)</dt>
            <dd>{formatMs(outbox.oldestPendingAgeMs)}</dd>
            <dt>Dead letters</dt>
            <dd>{outbox.dead}</dd>
            <dt>Relay</dt>
            <dd>{gateway.data?.checks.relay ?? "—"}</dd>
          </dl>
        ) : (
          <p className="note empty">No outbox figures.</p>
        )}
      </section>

      <DeadLettersPanel admin={admin} />
    </>
  );
}
