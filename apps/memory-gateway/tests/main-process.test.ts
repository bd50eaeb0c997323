import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { SERVICE_TOKENS_ENV, TEST_JWT_SECRET } from "../src/testing/tokens.js";

const PACKAGE_DIR = fileURLToPath(new URL("..", import.meta.url));
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** Runs `src/main.ts` exactly as `pnpm start` does, with only the variables given (no inherited env). */
function runMain(env: Record<string, string>): {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number>;
} {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: PACKAGE_DIR,
    env: { MEM0_TELEMETRY: "false", NODE_ENV: "test", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (c: Buffer) => {
    output += c.toString();
  });
  child.stderr?.on("data", (c: Buffer) => {
    output += c.toString();
  });
  const exited = new Promise<number>((resolve) => child.once("exit", (code) => resolve(code ?? -1)));
  return { child, output: () => output, exited };
}

describe("main.ts", () => {
  it("fails fast on bad configuration, naming the variable and what to run", async () => {
    const run = runMain({ GATEWAY_SERVICE_TOKENS: "chatbot:short", MEM0_API_URL: "not-a-url" });
    expect(await run.exited).toBe(1);
    expect(run.output()).toContain(
      "GATEWAY_SERVICE_TOKENS: entry 1 (chatbot): the secret must be at least 24",
    );
    expect(run.output()).toContain("MEM0_API_URL: must be an http(s) URL");
    expect(run.output()).toContain("pnpm mem0:check");
    expect(run.output()).not.toContain("chatbot:short");
  });

  it("starts the embedded mem0 and PGlite by default, warms up, serves /healthz, and exits 0 on SIGTERM", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "memory-gateway-main-"));
    dirs.push(dataDir);
    const run = runMain({
      GATEWAY_PORT: "0",
      GATEWAY_SERVICE_TOKENS: SERVICE_TOKENS_ENV,
      GATEWAY_JWT_SECRET: TEST_JWT_SECRET,
      GATEWAY_DATA_DIR: dataDir,
    });
    let url: string | undefined;
    for (let i = 0; i < 1_100 && !url && run.child.exitCode === null; i++) {
      url = /"url":"(http:\/\/127\.0\.0\.1:\d+)"/.exec(run.output())?.[1];
      if (!url) await new Promise((r) => setTimeout(r, 100));
    }
    expect(url, run.output()).toBeDefined();
    const health = await fetch(`${url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({
      ready: true,
      checks: { db: { kind: "pglite" }, relay: "running" },
    });
    expect(run.output()).toContain('"mem0":"embedded"');
    // The default runs the start-up warm-up (README, "Start-up warm-up") before it listens.
    const warmedAt = run.output().indexOf('"msg":"warm-up done"');
    expect(warmedAt).toBeGreaterThan(-1);
    expect(warmedAt).toBeLessThan(run.output().indexOf('"msg":"gateway listening"'));
    expect(existsSync(join(dataDir, "pg"))).toBe(true);
    expect(existsSync(join(dataDir, "mem0"))).toBe(true);

    run.child.kill("SIGTERM");
    expect(await run.exited).toBe(0);
    expect(run.output()).toContain('"msg":"gateway stopped"');
  });
});
