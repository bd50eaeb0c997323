import type { InnerContext } from "../context.js";
import type { ScopedMem0 } from "../ownership.js";
import type { CallOptions } from "../ports.js";

/**
 * What service functions receive: dependencies, never the transport or the raw client input. mem0 without
 * its by-id calls: those go through the ownership step (ownership.ts).
 */
export type ServiceDeps = Pick<InnerContext, "config" | "logger" | "requestId"> & { mem0: ScopedMem0 };

/** Per-call options for mem0: the request id travels as X-Request-ID; every call has a deadline. */
export function callOptions(deps: ServiceDeps, extra: CallOptions = {}): CallOptions {
  return { requestId: deps.requestId, timeoutMs: deps.config.mem0TimeoutMs, ...extra };
}

/** The same for synchronous writes (add, update), which embed text and may call an LLM. */
export function writeCallOptions(deps: ServiceDeps): CallOptions {
  return callOptions(deps, { timeoutMs: deps.config.mem0WriteTimeoutMs });
}
