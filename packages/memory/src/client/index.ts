/**
 * @automatos/memory/client: what an app needs to CALL memory. The router's types (type-only imports, erased at
 * run time), the typed client over HTTP (tRPC links on undici) or in process over a stack the app opened
 * itself (`@automatos/memory/stack`), the header names, and the input/output types. Importing this entry
 * loads neither the router, nor the database, nor the embedded mem0 engine (tests/client-entry.test.ts).
 */

export { type MemoryEnv, type MemoryStackVars, memoryStackProblems } from "../env.js";
export { httpUrl, intIn, oneOf, optionalString } from "../env-fields.js";
export { createLogger, type Logger, silentLogger } from "../logger.js";
export type { AppRouter, RouterInputs, RouterOutputs } from "../root.js";
export type * from "../schemas/inputs.js";
export type * from "../schemas/outputs.js";
export {
  createMemoryClient,
  type InProcessOptions,
  type MemoryClient,
  type MemoryClientOptions,
} from "./create-memory-client.js";
export { closeGatewayConnections } from "./gateway-agent.js";
export { MEMORY_HEADERS, type MemoryHeader } from "./headers.js";
