import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SignJWT } from "jose";
import { type ChildService, forkService } from "./child.js";

/** Bench-only credentials (random per run would work too; fixed ones keep logs comparable between runs). */
export const BENCH_JWT_SECRET = "bench-jwt-secret-0123456789-abcdefghijklmnopq";
export const BENCH_SERVICE_SECRET = "bench-chatbot-service-secret-0123456789";

export function benchDataDir(name: string): string {
  return mkdtempSync(join(tmpdir(), `gateway-bench-${name}-`));
}

/** An end-user token for (workspace, user), valid for the whole run. */
export function benchUserToken(workspaceId: string, userId: string): Promise<string> {
  return new SignJWT({ workspace_id: workspaceId })
    .setProtectedHeader({ alg: "HS256" })
    .setSubject(userId)
    .setIssuedAt()
    .setExpirationTime("2h")
    .sign(new TextEncoder().encode(BENCH_JWT_SECRET));
}

/**
 * Starts the gateway in a child process with production defaults except where a benchmark must differ:
 * `vars` may point MEM0_API_URL at a stub (unset = the embedded mem0 on a fresh data dir).
 */
export function startGatewayProcess(
  dataDir: string,
  vars: Record<string, string> = {},
): Promise<ChildService> {
  const env = {
    GATEWAY_PORT: "0",
    GATEWAY_SERVICE_TOKENS: `chatbot:${BENCH_SERVICE_SECRET}`,
    GATEWAY_JWT_SECRET: BENCH_JWT_SECRET,
    GATEWAY_DATA_DIR: dataDir,
    GATEWAY_LOG_LEVEL: "info",
    ...vars,
  };
  return forkService(new URL("./gateway-process.ts", import.meta.url), [
    JSON.stringify(env),
    join(dataDir, "gateway.log"),
  ]);
}
