/**
 * Header names shared by the typed client and the HTTP gateway (apps/memory-gateway reads the same names).
 * The service token authenticates the app; the user token is the end user's JWT, verified by the gateway;
 * agent and run ids are assertions an authenticated agents/workflows app makes for the user it acts for.
 */
export const MEMORY_HEADERS = {
  serviceToken: "authorization",
  userToken: "x-automatos-user-token",
  agentId: "x-automatos-agent-id",
  runId: "x-automatos-run-id",
  requestId: "x-request-id",
  source: "x-trpc-source",
} as const;

export type MemoryHeader = (typeof MEMORY_HEADERS)[keyof typeof MEMORY_HEADERS];
