import { join } from "node:path";
import { type StartedEmbeddedMem0, startEmbeddedMem0 } from "@automatos/mem0-embedded";
import { encodeSession } from "../shared/session.js";
import { DEMO_AGENT, DEMO_OPERATOR, DEMO_WORKSPACE } from "./demo-data.js";
import { createDevCredentials, type DevCredentials, gatewayAuthEnv, signDevJwt } from "./dev-credentials.js";
import { gatewayChildEnv } from "./env.js";
import { freePort, type GatewayProcess, startGatewayProcess } from "./gateway-process.js";
import { seedDemoMemories } from "./seed.js";

export interface StartConsoleOptions {
  /** The built page (src/build/build-page.ts writes it to dist/). */
  pageDir: string;
  /** Root of the local state (the embedded mem0 under mem0/, the gateway's PGlite under gateway/). */
  dataDir: string;
  /** Default 0 (any free port). Always bound to 127.0.0.1. */
  port?: number;
  /** Write the demo memories (default true). */
  seed?: boolean;
}

export interface RunningConsole {
  /** The gateway's base URL (router under /trpc), e.g. http://127.0.0.1:4400 */
  gatewayUrl: string;
  /** The embedded mem0 the gateway calls (its engine in its own supervised process). */
  mem0: StartedEmbeddedMem0;
  /** The page, e.g. http://127.0.0.1:4400/console/ */
  pageUrl: string;
  credentials: DevCredentials;
  seeded: number;
  /** A sign-in link for a demo user: the page with a fresh short-lived JWT in the fragment. */
  signInLink(userId: string): Promise<string>;
  /** The operator view: admin service token + an operator JWT. */
  operatorLink(): Promise<string>;
  close(): Promise<void>;
}

/**
 * `pnpm console` and the browser test: the embedded mem0 (mem0's engine in its own supervised process), then
 * the gateway's own command in a child process on loopback, configured by environment only (that mem0, PGlite
 * under dataDir, development credentials made for this start only, GATEWAY_CONSOLE_DIR = the built page),
 * ready once its /healthz says so; then the demo memories, written through the gateway.
 */
export async function startConsole(options: StartConsoleOptions): Promise<RunningConsole> {
  const credentials = createDevCredentials();
  const mem0 = await startEmbeddedMem0({ dataDir: join(options.dataDir, "mem0") });
  let gateway: GatewayProcess | null = null;
  const close = async () => {
    await gateway?.stop();
    await mem0.close();
  };
  try {
    const port = options.port || (await freePort());
    gateway = await startGatewayProcess(
      gatewayChildEnv({
        ...gatewayAuthEnv(credentials, [DEMO_AGENT]),
        GATEWAY_HOST: "127.0.0.1",
        GATEWAY_PORT: String(port),
        GATEWAY_DATA_DIR: join(options.dataDir, "gateway"),
        GATEWAY_LOG_LEVEL: "warn",
        GATEWAY_CONSOLE_DIR: options.pageDir,
        MEM0_API_URL: mem0.url,
        MEM0_API_KEY: mem0.apiKey,
      }),
      port,
    );
    const gatewayUrl = gateway.url;
    const seeded = options.seed === false ? 0 : await seedDemoMemories(gatewayUrl, credentials);
    const pageUrl = `${gatewayUrl}/console/`;
    const link = (session: Parameters<typeof encodeSession>[0]) => `${pageUrl}#${encodeSession(session)}`;
    return {
      gatewayUrl,
      mem0,
      pageUrl,
      credentials,
      seeded,
      signInLink: async (userId) =>
        link({
          jwt: await signDevJwt(credentials, { workspaceId: DEMO_WORKSPACE, userId }),
          console: credentials.tokens.console,
          agentIds: [DEMO_AGENT],
        }),
      operatorLink: async () =>
        link({
          jwt: await signDevJwt(credentials, { workspaceId: DEMO_WORKSPACE, userId: DEMO_OPERATOR }),
          admin: credentials.tokens.admin,
        }),
      close,
    };
  } catch (err) {
    await close();
    throw err;
  }
}
