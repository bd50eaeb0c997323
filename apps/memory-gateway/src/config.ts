/**
 * The gateway's validated configuration (built by `env.ts` from the environment, or by tests with
 * `parseGatewayEnv({...})`). Secrets are already in their final form here: service tokens as SHA-256 hashes
 * only, the JWT secret as key bytes.
 */

import type { AppName } from "@automatos/memory-policy";

export { APP_NAMES, type AppName } from "@automatos/memory-policy";

export type JwtKeyConfig =
  | { kind: "hs256"; secret: Uint8Array }
  | { kind: "jwks"; url: string; timeoutMs: number };

export interface JwtConfig {
  key: JwtKeyConfig;
  issuer?: string | undefined;
  audience?: string | undefined;
  /** The claim holding the workspace id (`sub` holds the user id). */
  workspaceClaim: string;
  clockToleranceSec: number;
  /** Longest accepted `exp - iat` in seconds; `iat` is required so the lifetime can be measured. */
  maxLifetimeSec: number;
}

/**
 * Which acting identities a service token may assert (GATEWAY_SERVICE_GRANTS). The default is none: a token
 * acts for no agent and no run unless the operator lists them. Agent ids are in canonical form.
 */
export interface ServiceGrant {
  agents: "any" | readonly string[];
  runs: boolean;
}

export interface ServiceTokenHash {
  app: AppName;
  sha256: Buffer;
  grant: ServiceGrant;
}

export type Mem0Config =
  | { kind: "remote"; url: string; apiKey: string; dialect: "server" | "platform" }
  | {
      kind: "embedded";
      embedder?:
        | { baseUrl: string; apiKey?: string | undefined; model: string; dimensions: number }
        | undefined;
      llm?: { baseUrl: string; apiKey?: string | undefined; model: string } | undefined;
    };

export interface GatewayConfig {
  host: string;
  port: number;
  auth: { serviceTokens: ServiceTokenHash[]; jwt: JwtConfig };
  limits: { maxBodyBytes: number; shutdownGraceMs: number };
  /** When set, `/metrics` requires `Authorization: Bearer <token>`. */
  metricsToken?: string | undefined;
  logLevel: "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";
  /** Root of local state: PGlite under `<dataDir>/pg`, the embedded mem0 under `<dataDir>/mem0`. */
  dataDir: string;
  /** Run the outbox relay in this process. */
  relay: boolean;
  /**
   * The start-up warm-up (src/warm-up/warm-up-gateway.ts): chat turns run through the gateway before it
   * listens, on the local default only (warm-up-applies.ts). 0 turns = none.
   */
  warmUp: { turns: number };
  mem0: Mem0Config;
  /** Delivered outbox jobs are purged after this many hours (MEMORY_OUTBOX_RETENTION_HOURS). */
  outboxRetentionHours: number;
  /** Unset: PGlite under `dataDir`. */
  databaseUrl?: string | undefined;
  /**
   * The legacy Postgres (LEGACY_DATABASE_URL): when set, remembers follow each workspace's cutover mode
   * (legacy / dual / mem0, @automatos/memory README) and the relay writes legacy mirror rows. Unset: mem0 only.
   */
  legacy?: { url: string; modeCacheMs: number } | undefined;
}
