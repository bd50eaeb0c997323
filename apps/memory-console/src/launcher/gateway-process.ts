/**
 * Runs the gateway's own command (`apps/memory-gateway`'s `start` script: `tsx src/main.ts`) as a child
 * process, configured only by environment like a deployed gateway, and waits until its /healthz says ready.
 * The console imports nothing from the gateway app (no app imports another): it reaches it by its command
 * and its HTTP endpoints only, as examples/main-job reaches the apps.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import { join } from "node:path";

const GATEWAY_DIR = join(import.meta.dirname, "..", "..", "..", "memory-gateway");
/** The file the gateway's `start` script runs. */
const GATEWAY_ENTRY = "src/main.ts";
/** Generous: tsx, PGlite's WASM boot and migrations on a busy 2-core machine. */
const READY_TIMEOUT_MS = 180_000;
const STOP_GRACE_MS = 20_000;

export interface GatewayProcess {
  /** e.g. http://127.0.0.1:4400 (the router under /trpc, the page under /console/). */
  url: string;
  pid: number | undefined;
  /** SIGTERM (the gateway drains and closes), SIGKILL after a grace; resolves once it has exited. */
  stop(): Promise<void>;
}

/** A free loopback port (0 asks the kernel for one; the gateway is then told that number). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address === "string") throw new Error("no free port");
  return address.port;
}

export async function startGatewayProcess(env: NodeJS.ProcessEnv, port: number): Promise<GatewayProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", GATEWAY_ENTRY], {
    cwd: GATEWAY_DIR,
    env,
    stdio: ["ignore", "inherit", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (d) => {
    stderr = (stderr + d).slice(-4_000);
    process.stderr.write(d);
  });
  const exited = new Promise<number | null>((resolve) => child.once("close", resolve));
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitUntilReady(url, child, exited);
  } catch (err) {
    await stopChild(child, exited);
    throw new Error(`${(err as Error).message}${stderr ? `\ngateway stderr:\n${stderr.trim()}` : ""}`);
  }
  let stopping: Promise<void> | null = null;
  return { url, pid: child.pid, stop: () => (stopping ??= stopChild(child, exited)) };
}

/** Polls /healthz until it answers 200 (ready); fails if the gateway exits or the deadline passes. */
async function waitUntilReady(
  url: string,
  child: ChildProcess,
  exited: Promise<number | null>,
): Promise<void> {
  let exitCode: number | null | undefined;
  void exited.then((code) => {
    exitCode = code;
  });
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (exitCode !== undefined || child.exitCode !== null)
      throw new Error(`the gateway exited during start (code ${exitCode ?? child.exitCode})`);
    const ok = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2_000) }).then(
      (res) => res.status === 200,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the gateway was not ready within ${READY_TIMEOUT_MS / 1000} s`);
}

async function stopChild(child: ChildProcess, exited: Promise<number | null>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), STOP_GRACE_MS);
  await exited;
  clearTimeout(timer);
}
