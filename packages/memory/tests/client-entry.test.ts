/**
 * `@automatos/memory/client` is what an app that only talks HTTP imports: it must not load the engine. A child
 * Node process imports the entry (through tsx, as the apps run) and lists every module the import loaded
 * (src/testing/loaded-modules.mjs); the same probe on `./stack` shows the probe sees the engine's modules.
 */
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);
const PROBE = fileURLToPath(new URL("../src/testing/loaded-modules.mjs", import.meta.url));
const PACKAGE_DIR = fileURLToPath(new URL("..", import.meta.url));

async function modulesLoadedBy(specifier: string): Promise<string[]> {
  const { stdout } = await run(process.execPath, ["--import", "tsx", PROBE, specifier], {
    cwd: PACKAGE_DIR,
    timeout: 60_000,
  });
  return JSON.parse(stdout) as string[];
}

const PGLITE = /\/node_modules\/@electric-sql\/pglite\//;
const MEM0AI = /\/node_modules\/mem0ai\//;
const ENGINE_PACKAGES = /\/packages\/(mem0-embedded|db|migration)\/src\//;
const SERVER_SIDE = /\/packages\/memory\/src\/(router|trpc|stack\/)/;

describe("entry points: what each one loads", () => {
  it("./client loads neither PGlite nor mem0ai, nor the router, the database or the engine packages", async () => {
    const loaded = await modulesLoadedBy("@automatos/memory/client");
    expect(loaded.some((u) => u.endsWith("/packages/memory/src/client/index.ts"))).toBe(true);
    expect(loaded.filter((u) => PGLITE.test(u))).toEqual([]);
    expect(loaded.filter((u) => MEM0AI.test(u))).toEqual([]);
    expect(loaded.filter((u) => ENGINE_PACKAGES.test(u))).toEqual([]);
    expect(loaded.filter((u) => SERVER_SIDE.test(u))).toEqual([]);
  }, 90_000);

  it("./stack does load them (the probe sees what it looks for)", async () => {
    const loaded = await modulesLoadedBy("@automatos/memory/stack");
    expect(loaded.some((u) => PGLITE.test(u))).toBe(true);
    expect(loaded.some((u) => u.endsWith("/packages/mem0-embedded/src/index.ts"))).toBe(true);
    expect(loaded.some((u) => u.endsWith("/packages/migration/src/index.ts"))).toBe(true);
  }, 90_000);
});
