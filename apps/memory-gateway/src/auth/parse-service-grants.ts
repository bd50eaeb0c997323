import { canonicalRawId, RAW_ID_PATTERN, RAW_ID_RULE } from "@automatos/memory-policy";
import { APP_NAMES, type AppName, type ServiceGrant } from "../config.js";
import { ASSERTABLE } from "./authenticate.js";

export const NO_GRANT: ServiceGrant = Object.freeze({ agents: Object.freeze([]), runs: false });

const GRANT_FORMAT = 'expected "agent=<id>", "agent=*" or "runs"';

/**
 * Parses GATEWAY_SERVICE_GRANTS ("app:grant,app:grant"): which agents and whether runs each app's service
 * token may act for. Grants are not secret, so problems may quote the grant text (never any token).
 * An app listed nowhere gets NO_GRANT: it acts for no agent and no run.
 */
export function parseServiceGrants(raw: string | undefined): {
  grants: Partial<Record<AppName, ServiceGrant>>;
  /** The first entry (1-based) naming each app, to point at it in later problems. */
  firstEntry: Map<AppName, number>;
  problems: string[];
} {
  const grants: Partial<Record<AppName, { agents: "any" | string[]; runs: boolean }>> = {};
  const firstEntry = new Map<AppName, number>();
  const problems: string[] = [];
  if (raw === undefined) return { grants, firstEntry, problems };
  for (const [i, entry] of raw.split(",").entries()) {
    const n = i + 1;
    const sep = entry.indexOf(":");
    const app = entry.slice(0, Math.max(sep, 0)).trim();
    const grant = entry.slice(sep + 1).trim();
    if (sep < 0 || !(APP_NAMES as readonly string[]).includes(app)) {
      problems.push(`entry ${n}: expected "app:grant" with app one of ${APP_NAMES.join(", ")}`);
      continue;
    }
    const name = app as AppName;
    if (!ASSERTABLE[name].agentId && !ASSERTABLE[name].runId) {
      problems.push(`entry ${n}: the ${name} app may not act for an agent or a run`);
      continue;
    }
    if (!firstEntry.has(name)) firstEntry.set(name, n);
    const current = grants[name] ?? { agents: [], runs: false };
    grants[name] = current;
    if (grant === "runs") {
      if (!ASSERTABLE[name].runId) {
        problems.push(`entry ${n}: the ${name} app may not act for a run`);
        continue;
      }
      current.runs = true;
    } else if (grant === "agent=*") {
      current.agents = "any";
    } else if (grant.startsWith("agent=")) {
      const id = grant.slice("agent=".length);
      if (!RAW_ID_PATTERN.test(id)) {
        problems.push(`entry ${n} (${name}): agent id ${RAW_ID_RULE}`);
        continue;
      }
      // Canonical, as the principal's agentId is (a UUID granted in upper case matches its lower-case form).
      const canonical = canonicalRawId(id);
      if (current.agents !== "any" && !current.agents.includes(canonical)) current.agents.push(canonical);
    } else {
      problems.push(`entry ${n} (${name}): ${GRANT_FORMAT}`);
    }
  }
  return { grants, firstEntry, problems };
}
