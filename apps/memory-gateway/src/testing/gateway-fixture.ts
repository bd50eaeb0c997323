import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { type EmbeddedMem0, startEmbeddedMem0 } from "@automatos/mem0-embedded";
import { parseGatewayEnv } from "../env.js";
import { createGatewayLogger } from "../observability/logger.js";
import { type RunningGateway, startGateway } from "../start-gateway.js";
import { type CountingProxy, startCountingProxy } from "./counting-proxy.js";
import { SERVICE_TOKENS_ENV, TEST_JWT_SECRET } from "./tokens.js";

export interface TestStack {
  gateway: RunningGateway;
  /** Every request the gateway (router, relay, health) sends to mem0 passes through here. */
  proxy: CountingProxy;
  embedded: EmbeddedMem0;
  /** The gateway's log lines (JSON), to check what is and is not logged. */
  logs: string[];
  close(): Promise<void>;
}

/**
 * The real stack on loopback: the embedded mem0 (its own process, fresh temp data dir), a counting proxy in
 * front of it, and the gateway (PGlite in the same temp dir) pointed at the proxy. `vars` overrides or adds
 * gateway variables, exactly as the environment would.
 */
export async function startTestStack(vars: Record<string, string> = {}): Promise<TestStack> {
  const dir = mkdtempSync(join(tmpdir(), "memory-gateway-test-"));
  const embedded = await startEmbeddedMem0({ dataDir: join(dir, "mem0") });
  const proxy = await startCountingProxy(embedded.url);
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      logs.push(String(chunk));
      done();
    },
  });
  try {
    const config = parseGatewayEnv({
      GATEWAY_PORT: "0",
      GATEWAY_SERVICE_TOKENS: SERVICE_TOKENS_ENV,
      GATEWAY_JWT_SECRET: TEST_JWT_SECRET,
      GATEWAY_DATA_DIR: dir,
      GATEWAY_LOG_LEVEL: "info",
      MEM0_API_URL: proxy.url,
      MEM0_API_KEY: embedded.apiKey,
      ...vars,
    });
    const gateway = await startGateway({
      config,
      logger: createGatewayLogger(config.logLevel, sink),
      defaultMetrics: false,
    });
    return {
      gateway,
      proxy,
      embedded,
      logs,
      async close() {
        await gateway.close();
        await proxy.close();
        await embedded.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    await proxy.close();
    await embedded.close();
    throw err;
  }
}
