/** An enqueue reused an idempotency key with a different payload or different mem0 ids. */
export class OutboxConflictError extends Error {
  override readonly name = "OutboxConflictError";
  constructor(
    readonly idempotencyKey: string,
    readonly existingJobId: string,
  ) {
    super(
      `idempotency key "${idempotencyKey}" is already used by outbox job ${existingJobId} with a different ` +
        "payload or different mem0 ids; a retried remember must send exactly the same content",
    );
  }
}

/** Bad input to the outbox; `field` names the offending field (e.g. "payload.messages.0.content"). */
export class OutboxValidationError extends Error {
  override readonly name = "OutboxValidationError";
  constructor(
    readonly field: string,
    detail: string,
  ) {
    super(`invalid ${field}: ${detail}`);
  }
}
