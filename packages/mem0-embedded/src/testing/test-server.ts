/** Test helpers: an embedded mem0 on a fresh temp data directory, and a raw REST caller (undici). */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { request } from "undici";
import type { EmbeddedMem0Options } from "../options.js";
import { startEmbeddedMem0 } from "../start.js";
import type { EmbeddedMem0 } from "../start-in-process.js";

export interface TestServer extends EmbeddedMem0 {
  dataDir: string;
  /** Closes the server and removes its data directory. */
  dispose(): Promise<void>;
}

export function tempDir(prefix = "m0e-test-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export async function startTestServer(options: Partial<EmbeddedMem0Options> = {}): Promise<TestServer> {
  const dataDir = options.dataDir ?? tempDir();
  const server = await startEmbeddedMem0({ processModel: "in-process", ...options, dataDir });
  return {
    ...server,
    dataDir,
    async dispose() {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
  text: string;
}

/** One REST call. `body` is sent as JSON unless it is already a string; apiKey null sends no key. */
export async function call(
  server: { url: string; apiKey: string },
  method: string,
  path: string,
  init: { body?: unknown; apiKey?: string | null; headers?: Record<string, string> } = {},
): Promise<Reply> {
  const headers: Record<string, string> = { ...init.headers };
  const key = init.apiKey === undefined ? server.apiKey : init.apiKey;
  if (key !== null) headers["x-api-key"] = key;
  let body: string | undefined;
  if (init.body !== undefined) {
    body = typeof init.body === "string" ? init.body : JSON.stringify(init.body);
    headers["content-type"] = "application/json";
  }
  const res = await request(`${server.url}${path}`, {
    method: method as "GET",
    headers,
    body,
    headersTimeout: 30_000,
    bodyTimeout: 30_000,
  });
  const text = await res.body.text();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  return { status: res.statusCode, headers: res.headers, body: parsed, text };
}

export const userMessage = (content: string) => [{ role: "user", content }];
