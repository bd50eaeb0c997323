import { createMemoryClient } from "@automatos/memory/client";
import { DEMO_AGENT, DEMO_USERS, DEMO_WORKSPACE } from "./demo-data.js";
import type { DevCredentials } from "./dev-credentials.js";
import { signDevJwt } from "./dev-credentials.js";

/**
 * Writes the demo memories through the gateway with the same typed client and tokens the apps use
 * (memory.add, synchronous, stored verbatim): the chatbot writes each user's own memories, the agents app
 * (granted DEMO_AGENT) what the agent keeps about them. Returns how many memories were written.
 */
export async function seedDemoMemories(gatewayUrl: string, creds: DevCredentials): Promise<number> {
  let written = 0;
  for (const [userId, memories] of Object.entries(DEMO_USERS)) {
    const jwt = await signDevJwt(creds, { workspaceId: DEMO_WORKSPACE, userId }, 120);
    const chatbot = createMemoryClient({
      source: "console-seed",
      gatewayUrl: `${gatewayUrl}/trpc`,
      serviceToken: creds.tokens.chatbot,
      userToken: jwt,
    });
    const agents = createMemoryClient({
      source: "console-seed",
      gatewayUrl: `${gatewayUrl}/trpc`,
      serviceToken: creds.tokens.agents,
      userToken: jwt,
      agentId: DEMO_AGENT,
    });
    for (const memory of memories) {
      const client = memory.scope === "user" ? chatbot : agents;
      await client.memory.add.mutate({
        messages: [{ role: "user", content: memory.text }],
        scope: memory.scope,
        metadata: { source: memory.source },
        infer: false,
      });
      written += 1;
    }
  }
  return written;
}
