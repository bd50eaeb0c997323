import { join } from "node:path";
import { parseGatewayEnv, type RunningGateway, startGateway } from "@automatos/memory-gateway";
import { encodeSession } from "../shared/session.js";
import { DEMO_AGENT, DEMO_OPERATOR, DEMO_WORKSPACE } from "./demo-data.js";
import { createDevCredentials, type DevCredentials, gatewayAuthEnv, signDevJwt } from "./dev-credentials.js";
import { exposePageToGateway } from "./env.js";
import { seedDemoMemories } from "./seed.js";

export interface StartConsoleOptions {
  /** The built page (src/build/build-page.ts writes it to dist/). */
  pageDir: string;
  /** Root of the gateway's local state (PGlite + the embedded mem0). */
  dataDir: string;
  /** Default 0 (any free port). Always bound to 127.0.0.1. */
  port?: number;
  /** Write the demo memories (default true). */
  seed?: boolean;
}

export interface RunningConsole {
  gateway: RunningGateway;
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
 * `pnpm console` and the browser test: the gateway on loopback with the embedded default (mem0's engine in
 * its own supervised process, PGlite under dataDir), serving the page at /console/, with development
 * credentials made for this start only, and the demo memories seeded.
 */
export async function startConsole(options: StartConsoleOptions): Promise<RunningConsole> {
  const credentials = createDevCredentials();
  exposePageToGateway(options.pageDir);
  const gateway = await startGateway({
    config: parseGatewayEnv({
      ...gatewayAuthEnv(credentials, [DEMO_AGENT]),
      GATEWAY_HOST: "127.0.0.1",
      GATEWAY_PORT: String(options.port ?? 0),
      GATEWAY_DATA_DIR: join(options.dataDir, "gateway"),
      GATEWAY_LOG_LEVEL: "warn",
    }),
  });
  try {
    const seeded = options.seed === false ? 0 : await seedDemoMemories(gateway.url, credentials);
    const pageUrl = `${gateway.url}/console/`;
    const link = (session: Parameters<typeof encodeSession>[0]) => `${pageUrl}#${encodeSession(session)}`;
    return {
      gateway,
      pageUrl,
      credentials,
      seeded,
      signInLink: async (userId) =>
        link({
          jwt: await signDevJwt(credentials, { workspaceId: DEMO_WORKSPACE, userId }),
          chatbot: credentials.tokens.chatbot,
          agents: credentials.tokens.agents,
          agentIds: [DEMO_AGENT],
        }),
      operatorLink: async () =>
        link({
          jwt: await signDevJwt(credentials, { workspaceId: DEMO_WORKSPACE, userId: DEMO_OPERATOR }),
          admin: credentials.tokens.admin,
        }),
      close: () => gateway.close(),
    };
  } catch (err) {
    await gateway.close();
    throw err;
  }
}
