import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { writeJson } from "../responses.js";
import { serveConsoleAssets } from "./assets.js";

let dir: string;
let server: Server;
let base: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "console-assets-"));
  await writeFile(join(dir, "index.html"), "<!doctype html><title>page</title>");
  await writeFile(join(dir, "main.js"), "console.log(1)");
  await writeFile(join(dir, ".env"), "SECRET=1");
  await mkdir(join(dir, "sub"));
  await writeFile(join(dir, "sub", "notes.txt"), "unknown type");
  await writeFile(join(tmpdir(), "outside-console.js"), "outside");
  // The same fall-through as the gateway's router: not the page -> 404.
  server = createServer((req, res) => {
    const pathname = (req.url ?? "/").split("?", 1)[0] as string;
    if (!serveConsoleAssets(req, res, pathname)) writeJson(res, 404, { error: "not found" });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await new Promise((r) => server.close(r));
  await rm(dir, { recursive: true, force: true });
});

describe("serveConsoleAssets", () => {
  it("serves nothing while GATEWAY_CONSOLE_DIR is unset", async () => {
    vi.stubEnv("GATEWAY_CONSOLE_DIR", "");
    expect((await fetch(`${base}/console/`)).status).toBe(404);
  });

  it("serves index.html at /console/ and the bundle with a strict CSP", async () => {
    vi.stubEnv("GATEWAY_CONSOLE_DIR", dir);
    const page = await fetch(`${base}/console/`);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toContain("text/html");
    expect(page.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(await page.text()).toContain("<title>page</title>");
    const js = await fetch(`${base}/console/main.js`);
    expect(js.headers.get("content-type")).toContain("text/javascript");
    const bare = await fetch(`${base}/console`, { redirect: "manual" });
    expect([bare.status, bare.headers.get("location")]).toEqual([308, "/console/"]);
  });

  it("refuses dotfiles, unknown types, paths out of the folder and writes", async () => {
    vi.stubEnv("GATEWAY_CONSOLE_DIR", dir);
    for (const path of [
      "/console/.env",
      "/console/sub/notes.txt",
      "/console/..%2Foutside-console.js",
      "/console/missing.js",
    ])
      expect((await fetch(`${base}${path}`)).status, path).toBe(404);
    expect((await fetch(`${base}/console/`, { method: "POST" })).status).toBe(405);
    expect((await fetch(`${base}/other`)).status).toBe(404);
  });
});
