// Test support shared with other packages' tests: `import { startMem0Stub } from "@automatos/db/testing"`.
export {
  createLoopbackMem0Writer,
  LoopbackMem0Error,
  type LoopbackMem0Writer,
  type LoopbackWriterOptions,
} from "./loopback-mem0-writer.js";
export {
  type AddBody,
  type Mem0Stub,
  type Mem0StubOptions,
  type StubAdd,
  type StubFault,
  type StubMemory,
  type StubMode,
  startMem0Stub,
} from "./mem0-stub.js";
export { freeLoopbackPort, startThrowawayPostgres, type ThrowawayPostgres } from "./throwaway-postgres.js";
