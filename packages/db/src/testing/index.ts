// Test support shared with other packages' tests: `import { startThrowawayPostgres } from "@automatos/db/testing"`.
// The fake mem0 server is @automatos/mem0-client/testing's `startServerFake`.
export {
  createLoopbackMem0Writer,
  LoopbackMem0Error,
  type LoopbackMem0Writer,
  type LoopbackWriterOptions,
} from "./loopback-mem0-writer.js";
export { freeLoopbackPort, startThrowawayPostgres, type ThrowawayPostgres } from "./throwaway-postgres.js";
