export { createMem0Client } from "./client.js";
export { DEFAULTS as MEM0_CLIENT_DEFAULTS } from "./client-options.js";
export { isMem0Error, Mem0Error, type Mem0ErrorKind } from "./errors.js";
export { isUuid } from "./ids.js";
export type { BreakerState } from "./resilience/breaker-state.js";
export type {
  AddedMemory,
  AddRequest,
  AddResult,
  CallMeta,
  CallOptions,
  EntityIds,
  FindByMetadataRequest,
  GetAllRequest,
  Mem0Client,
  Mem0ClientOptions,
  Mem0Dialect,
  Mem0Entity,
  Mem0HistoryEntry,
  Mem0Logger,
  Mem0Memory,
  Mem0Message,
  SearchRequest,
  UpdateRequest,
} from "./types.js";
