import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseGatewayEnv } from "../env.js";
import { createGatewayLogger } from "../observability/logger.js";
import { type RunningGateway, startGateway } from "../start-gateway.js";
import { SERVICE_TOKENS_ENV, TEST_JWT_SECRET } from "../testing/tokens.js";
import { WARM_UP_USER } from "./warm-up-credentials.js";
import type { WarmUpReport } from "./warm-up-gateway.js";

const TURNS = 24;

/** The real default stack (embedded engine, PGlite, relay), started with a short warm-up. */
describe("the start-up warm-up on the embedded default", () => {
  let dir: string;
  let gateway: RunningGateway;
  const logs: Record<string, unknown>[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "gateway-warm-up-"));
    const config = parseGatewayEnv({
      GATEWAY_PORT: "0",
      GATEWAY_SERVICE_TOKENS: SERVICE_TOKENS_ENV,
      GATEWAY_JWT_SECRET: TEST_JWT_SECRET,
      GATEWAY_DATA_DIR: dir,
      GATEWAY_WARM_UP_TURNS: String(TURNS),
    });
    const sink = new Writable({
      write(chunk, _enc, done) {
        for (const line of String(chunk).split("\n")) if (line) logs.push(JSON.parse(line));
        done();
      },
    });
    gateway = await startGateway({
      config,
      logger: createGatewayLogger("info", sink),
      defaultMetrics: false,
    });
  }, 120_000);

  afterAll(async () => {
    await gateway?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const report = () => logs.find((l) => l.msg === "warm-up done") as unknown as WarmUpReport;

  it("runs every turn through the stack before listening, delivered and then forgotten", () => {
    const done = report();
    expect(done).toMatchObject({
      turns: TURNS,
      remembered: 2 * TURNS,
      delivered: true,
      forgotten: true,
      stoppedBy: null,
    });
    const listening = logs.findIndex((l) => l.msg === "gateway listening");
    expect(logs.indexOf(done as unknown as Record<string, unknown>)).toBeLessThan(listening);
  });

  it("leaves no memory in its fresh workspace, and the outbox empty", async () => {
    const { workspaceId } = report();
    expect(workspaceId).toMatch(/^gateway-warm-up-[0-9a-f]{16}$/);
    const left = await gateway.stack.mem0.getAll({
      userId: `workspace_${workspaceId}_user_${WARM_UP_USER}`,
      topK: 1_000,
    });
    expect(left).toEqual([]);
    const outbox = await gateway.stack.outbox.stats();
    expect(outbox).toMatchObject({ pending: 0, inFlight: 0, delivered: TURNS, dead: 0 });
  });

  it("neither logs nor counts the warm-up's requests as traffic", async () => {
    expect(logs.filter((l) => l.msg === "request")).toEqual([]);
    // Nor the router's lines for its turns (remember, recall, forget events, degraded warnings).
    expect(logs.filter((l) => "event" in l)).toEqual([]);
    const page = await (await fetch(`${gateway.url}/metrics`)).text();
    expect(page).not.toMatch(/gateway_http_requests_total\{[^}]*route="trpc"/);
    expect(page).not.toMatch(/procedure="memory\.(recall|remember)"/);
  });
});
