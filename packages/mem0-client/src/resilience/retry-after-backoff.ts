/**
 * Exponential backoff with full jitter (cockatiel's `fullJitterGenerator`: a uniform delay in
 * [0, base·2^n), capped), stretched to the server's Retry-After when it asked for longer. A Retry-After
 * beyond the cap never gets here: the retry predicate gives up instead (see policies.ts).
 */
import {
  ExponentialBackoff,
  fullJitterGenerator,
  type IBackoff,
  type IBackoffFactory,
  type IRetryBackoffContext,
} from "cockatiel";
import { isMem0Error } from "../errors.js";

type Ctx = IRetryBackoffContext<unknown>;

class RetryAfterStep implements IBackoff<Ctx> {
  constructor(
    private readonly inner: IBackoff<unknown>,
    private readonly maxDelayMs: number,
    readonly duration: number,
  ) {}

  next(ctx: Ctx): IBackoff<Ctx> {
    return step(this.inner.next(ctx), this.maxDelayMs, ctx);
  }
}

function step(inner: IBackoff<unknown>, maxDelayMs: number, ctx: Ctx): RetryAfterStep {
  const error = "error" in ctx.result ? ctx.result.error : undefined;
  const retryAfter = isMem0Error(error) ? error.retryAfterMs : undefined;
  const duration =
    retryAfter === undefined ? inner.duration : Math.min(maxDelayMs, Math.max(inner.duration, retryAfter));
  return new RetryAfterStep(inner, maxDelayMs, duration);
}

export class RetryAfterBackoff implements IBackoffFactory<Ctx> {
  private readonly exponential: ExponentialBackoff<number>;

  constructor(
    baseDelayMs: number,
    private readonly maxDelayMs: number,
  ) {
    this.exponential = new ExponentialBackoff({
      generator: fullJitterGenerator,
      initialDelay: baseDelayMs,
      maxDelay: maxDelayMs,
    });
  }

  next(ctx: Ctx): IBackoff<Ctx> {
    return step(this.exponential.next(), this.maxDelayMs, ctx);
  }
}
