import { createHash } from "node:crypto";
import { APP_NAMES, type AppName, type ServiceTokenHash } from "../config.js";
import { NO_GRANT } from "./parse-service-grants.js";

export const MIN_SERVICE_SECRET = 24;

/**
 * Parses GATEWAY_SERVICE_TOKENS ("app:secret,app:secret"). Only SHA-256 hashes come out: the secrets never
 * leave this function. Problems name an entry by position (and app, once it is a known name), never by any
 * part of its text: a missing colon or a reversed pair would otherwise print a secret.
 */
export function parseServiceTokens(raw: string): { entries: ServiceTokenHash[]; problems: string[] } {
  const entries: ServiceTokenHash[] = [];
  const problems: string[] = [];
  const seenHashes = new Set<string>();
  for (const [i, pair] of raw.split(",").entries()) {
    const n = i + 1;
    const sep = pair.indexOf(":");
    if (sep < 0) {
      problems.push(`entry ${n}: expected "app:secret"`);
      continue;
    }
    const app = pair.slice(0, sep).trim();
    const secret = pair.slice(sep + 1).trim();
    if (!(APP_NAMES as readonly string[]).includes(app)) {
      problems.push(`entry ${n}: unknown app name (expected one of ${APP_NAMES.join(", ")})`);
      continue;
    }
    if (secret.length < MIN_SERVICE_SECRET) {
      problems.push(`entry ${n} (${app}): the secret must be at least ${MIN_SERVICE_SECRET} characters`);
      continue;
    }
    if (entries.some((e) => e.app === app)) {
      problems.push(`entry ${n}: app "${app}" is listed twice`);
      continue;
    }
    const sha256 = createHash("sha256").update(secret, "utf8").digest();
    const key = sha256.toString("hex");
    if (seenHashes.has(key)) {
      problems.push(`entry ${n} (${app}): two apps share one secret`);
      continue;
    }
    seenHashes.add(key);
    // Grants (GATEWAY_SERVICE_GRANTS) are attached by env.ts; until then a token acts for no agent or run.
    entries.push({ app: app as AppName, sha256, grant: NO_GRANT });
  }
  return { entries, problems };
}
