/**
 * The request headers the gateway reads. The typed client in @automatos/memory sends the same names.
 * - `authorization: Bearer <service token>` authenticates the calling app (chatbot, agents, ...).
 * - `x-automatos-user-token: <JWT>` carries the end user's identity, verified here (never trusted raw).
 * - `x-automatos-agent-id` / `x-automatos-run-id` are assertions made by an authenticated agents/workflows app.
 */
export const GATEWAY_HEADERS = {
  serviceToken: "authorization",
  userToken: "x-automatos-user-token",
  agentId: "x-automatos-agent-id",
  runId: "x-automatos-run-id",
  requestId: "x-request-id",
  source: "x-trpc-source",
} as const;
