/**
 * The real embedded mem0 (@automatos/mem0-embedded's stand-alone server: mem0's engine on PGlite) in a
 * process of its own, so a scenario can pause it (SIGSTOP: the port stays open, requests queue unanswered,
 * as with a stalled server) and resume it, and count what it stores over its REST API.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { childEnv } from "../../src/testing/env.js";
import { freeLoopbackPort } from "../../src/testing/throwaway-postgres.js";

const SERVE = fileURLToPath(
  new URL("../../node_modules/@automatos/mem0-embedded/src/cli/serve.ts", import.meta.url),
);
const ENV_DROPPED = [
  "EMBEDDING_BASE_URL",
  "EMBEDDING_MODEL",
  "EMBEDDING_DIMENSIONS",
  "EMBEDDING_API_KEY",
  "LLM_BASE_URL",
  "LLM_MODEL",
  "LLM_API_KEY",
];

export interface EngineProcess {
  url: string;
  apiKey: string;
  pid: number;
  pause(): void;
  resume(): void;
  stop(): Promise<void>;
}

export async function startEngineProcess(dataDir: string, startTimeoutMs = 300_000): Promise<EngineProcess> {
  const port = await freeLoopbackPort();
  const env = childEnv({
    MEM0_EMBEDDED_DATA_DIR: dataDir,
    MEM0_EMBEDDED_PORT: String(port),
    MEM0_TELEMETRY: "false",
  });
  // Verbatim adds with the offline embedder: the scenario counts memories, no provider may be called.
  for (const k of ENV_DROPPED) delete env[k];
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", SERVE], {
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout?.on("data", (c: Buffer) => {
    out += c.toString();
  });
  child.stderr?.on("data", (c: Buffer) => {
    out += c.toString();
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const deadline = Date.now() + startTimeoutMs;
  while (!/listening on/.test(out)) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`embedded mem0 did not start: ${out.slice(-2_000)}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const apiKey = readFileSync(join(dataDir, "api-key"), "utf8").trim();
  return {
    url: `http://127.0.0.1:${port}`,
    apiKey,
    pid: child.pid ?? -1,
    pause: () => child.kill("SIGSTOP"),
    resume: () => child.kill("SIGCONT"),
    async stop() {
      if (child.exitCode !== null) return;
      child.kill("SIGCONT");
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Every stored memory's marker (metadata.marker) for the given users, one entry per memory. */
export async function storedMarkers(
  engine: { url: string; apiKey: string },
  userIds: string[],
): Promise<string[]> {
  const markers: string[] = [];
  for (const userId of userIds) {
    const res = await fetch(`${engine.url}/memories?user_id=${encodeURIComponent(userId)}&top_k=1000`, {
      headers: { "x-api-key": engine.apiKey },
      signal: AbortSignal.timeout(30_000),
    });
    if (!res.ok) throw new Error(`GET /memories for ${userId}: HTTP ${res.status}`);
    const body = (await res.json()) as { results: { metadata?: { marker?: unknown } | null }[] };
    if (body.results.length >= 1_000)
      throw new Error(`user ${userId} holds 1,000+ memories: count would be cut`);
    for (const m of body.results) markers.push(String(m.metadata?.marker));
  }
  return markers;
}

/** lost = accepted markers missing from mem0; duplicated = memories beyond one per marker. */
export function countExactly(accepted: string[], stored: string[]) {
  const counts = new Map<string, number>();
  for (const m of stored) counts.set(m, (counts.get(m) ?? 0) + 1);
  const acceptedSet = new Set(accepted);
  return {
    accepted: accepted.length,
    inMem0: stored.length,
    lost: accepted.filter((m) => !counts.has(m)).length,
    duplicated: [...counts.values()].reduce((n, c) => n + (c - 1), 0),
    unexpected: [...counts.keys()].filter((m) => !acceptedSet.has(m)).length,
  };
}

/** A verbatim remember whose text and metadata carry a unique marker, for one user. */
export function rememberJob(marker: string, userId: string) {
  return {
    idempotencyKey: `key-${marker}`,
    mem0Ids: { user_id: userId },
    payload: {
      messages: [{ role: "user", content: `remember ${marker}` }],
      metadata: { marker },
      infer: false,
    },
  };
}
