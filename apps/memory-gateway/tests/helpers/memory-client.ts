/**
 * The typed client of @automatos/memory, for the gateway's tests and benchmarks.
 *
 * Stopgap: @automatos/memory documents `createMemoryClient` as a package export (its README, INTERFACES.md),
 * but its src/index.ts does not export it yet. Until it does, this one module reaches into the package's
 * source; every test and benchmark imports from here, so the switch to `from "@automatos/memory"` is one line.
 */
export {
  createMemoryClient,
  type MemoryClient,
  type MemoryClientOptions,
} from "../../../../packages/memory/src/client/create-memory-client.js";
