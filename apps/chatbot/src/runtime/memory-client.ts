/**
 * The typed memory client, from @automatos/memory. BRIDGE: that package has `createMemoryClient` in
 * src/client/create-memory-client.ts but does not export it from its index yet; until it does, this one file
 * imports it by path (same module instance: pnpm links the workspace package to the same files). When the
 * export lands, this becomes `export { createMemoryClient, type MemoryClient } from "@automatos/memory";`.
 */
export {
  createMemoryClient,
  type MemoryClient,
  type MemoryClientOptions,
} from "../../../../packages/memory/src/client/create-memory-client.js";
