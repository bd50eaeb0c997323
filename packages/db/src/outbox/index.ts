export { type BackoffOptions, backoffDelayMs } from "./backoff.js";
export {
  type ClaimedJob,
  type ClaimOptions,
  claimDue,
  type Settlement,
  type SettleOutcome,
  settle,
} from "./claim.js";
export {
  DeliveryTimeoutError,
  describeError,
  isCircuitOpen,
  isPermanentFailure,
  toAddRequest,
} from "./deliver.js";
export { OutboxConflictError, OutboxValidationError } from "./errors.js";
export { type EnqueueJob, type Mem0Ids, parseEnqueueJob, payloadHash } from "./job-input.js";
export {
  AMBIGUOUS_TAG,
  followsAmbiguousAttempt,
  isAmbiguousFailure,
  JOB_MARKER_KEY,
  markerLookup,
} from "./job-marker.js";
export {
  createOutboxMaintenance,
  type MaintenancePass,
  type OutboxMaintenance,
  type OutboxMaintenanceOptions,
} from "./maintenance.js";
export type {
  BreakerState,
  Mem0AddOutcome,
  Mem0AddRequest,
  Mem0CallOptions,
  Mem0ErrorShape,
  Mem0FindRequest,
  Mem0Writer,
} from "./mem0-writer.js";
export {
  createOutbox,
  type DeadLetter,
  type DeadLetterFilter,
  type EnqueueResult,
  type Outbox,
  type OutboxOptions,
  type ReplayFilter,
} from "./outbox.js";
export { createRelay, type DrainResult, type Relay } from "./relay.js";
export type { RelayLogger, RelayOptions, RelayPace } from "./relay-options.js";
export type { OutboxStats } from "./stats.js";
