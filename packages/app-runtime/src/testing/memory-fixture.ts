/**
 * The real memory stack for the apps' end-to-end tests, started once per test file:
 *   - one embedded mem0 (mem0's engine on PGlite, its own process) in a fresh temp dir;
 *   - an in-process memory stack on it (PGlite outbox in memory, relay running), for the in-process path;
 *   - the memory gateway on port 0 (its own PGlite outbox and relay) on the same mem0, for the HTTP path.
 * Tests give each path its own workspace ids, so the two never see each other's data by accident.
 * Exported as `@automatos/app-runtime/testing` for the apps' tests.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type EmbeddedMem0, startEmbeddedMem0 } from "@automatos/mem0-embedded";
import { silentLogger } from "@automatos/memory/client";
import { createMemoryStack, type MemoryStack } from "@automatos/memory/stack";
import { parseGatewayEnv, type RunningGateway, startGateway } from "@automatos/memory-gateway";
import type { AppName } from "@automatos/memory-policy";
import { afterAll, beforeAll } from "vitest";
import { signUserToken } from "../auth/sign-user-token.js";
import {
  gatewayConnection,
  type Identity,
  inProcessConnection,
  type MemoryConnection,
} from "../memory/memory-connection.js";

export const TEST_JWT_SECRET = "apps-test-jwt-secret-0123456789-abcdefghij";
export const TEST_SERVICE_TOKENS = {
  chatbot: "chatbot-apps-test-secret-0123456789",
  agents: "agents-apps-test-secret-0123456789a",
  workflows: "workflows-apps-test-secret-01234567",
} as const;

/** Loaded 2-core CI machines: a generous recall budget keeps "degraded" out of behaviour tests. */
export const TEST_RECALL_BUDGET_MS = 5_000;

export type ConnectionMode = "in-process" | "gateway";

export interface MemoryFixture {
  dir: string;
  embedded: EmbeddedMem0;
  stack: MemoryStack;
  gateway: RunningGateway | null;
  connection(app: keyof typeof TEST_SERVICE_TOKENS, mode: ConnectionMode): MemoryConnection;
  /** A user token the gateway accepts (what an identity provider would issue). */
  userToken(identity: { workspaceId: string; userId: string }): Promise<string>;
  /** The identity an app acts for: with a user token through the gateway, without one in process. */
  identity(mode: ConnectionMode, workspaceId: string, userId: string): Promise<Identity>;
  close(): Promise<void>;
}

export async function startMemoryFixture(options: { gateway?: boolean } = {}): Promise<MemoryFixture> {
  const dir = mkdtempSync(join(tmpdir(), "apps-e2e-"));
  const embedded = await startEmbeddedMem0({ dataDir: join(dir, "mem0") });
  const closers: (() => Promise<void>)[] = [() => embedded.close()];
  const close = async () => {
    for (const c of closers.splice(0).reverse()) await c().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const stack = await createMemoryStack({
      env: {
        mem0: { mode: "remote", url: embedded.url, apiKey: embedded.apiKey, dialect: "server" },
        database: { dataDir: "memory://" },
        logLevel: "silent",
      },
      logger: silentLogger(),
      config: { inference: embedded.inference, recall: { timeBudgetMs: TEST_RECALL_BUDGET_MS } },
    });
    closers.push(() => stack.close());
    let gateway: RunningGateway | null = null;
    if (options.gateway !== false) {
      const config = parseGatewayEnv({
        GATEWAY_PORT: "0",
        GATEWAY_SERVICE_TOKENS: Object.entries(TEST_SERVICE_TOKENS)
          .map(([app, secret]) => `${app}:${secret}`)
          .join(","),
        // The gateway lets a token act for no agent or run unless granted: the agents app's default agents
        // (trip-planner, meeting-scribe) and the workflows app's runs, as a deployment would configure it.
        GATEWAY_SERVICE_GRANTS: "agents:agent=trip-planner,agents:agent=meeting-scribe,workflows:runs",
        GATEWAY_JWT_SECRET: TEST_JWT_SECRET,
        GATEWAY_DATA_DIR: join(dir, "gateway"),
        GATEWAY_LOG_LEVEL: "silent",
        MEM0_API_URL: embedded.url,
        MEM0_API_KEY: embedded.apiKey,
      });
      const started = await startGateway({ config, defaultMetrics: false });
      gateway = started;
      closers.push(() => started.close());
    }
    const secret = new TextEncoder().encode(TEST_JWT_SECRET);
    return {
      dir,
      embedded,
      stack,
      gateway,
      connection(app: AppName & keyof typeof TEST_SERVICE_TOKENS, mode) {
        if (mode === "in-process") return inProcessConnection(app, stack);
        if (!gateway) throw new Error("this fixture was started without the gateway");
        return gatewayConnection(app, { url: gateway.url, serviceToken: TEST_SERVICE_TOKENS[app] });
      },
      userToken: (identity) => signUserToken(secret, identity),
      identity: async (mode, workspaceId, userId) => ({
        workspaceId,
        userId,
        ...(mode === "gateway" ? { userToken: await signUserToken(secret, { workspaceId, userId }) } : {}),
      }),
      close,
    };
  } catch (e) {
    await close();
    throw e;
  }
}

/** Starts the fixture before the file's tests and closes it after; call at the top level of a test file. */
export function useMemoryFixture(options: { gateway?: boolean } = {}): () => MemoryFixture {
  let fixture: MemoryFixture | undefined;
  beforeAll(async () => {
    fixture = await startMemoryFixture(options);
  });
  afterAll(async () => {
    await fixture?.close();
  });
  return () => {
    if (!fixture) throw new Error("the memory fixture is not started (use it inside tests or hooks)");
    return fixture;
  };
}
