/**
 * The inner context: every dependency a procedure needs, and nothing about transport. Tests, the in-process
 * link and the HTTP gateway all build it with createInnerContext; each adapter only decides WHO is calling
 * (the gateway from verified tokens, an app from its own verified user) and hands over the principal.
 */
import { randomUUID } from "node:crypto";
import type { Principal } from "@automatos/memory-policy";
import { type MemoryConfig, type MemoryConfigInput, resolveConfig } from "./config.js";
import type { Cutover } from "./cutover/ports.js";
import { type Logger, lazyChild, silentLogger } from "./logger.js";
import type { Mem0Port, OutboxPort } from "./ports.js";

export interface InnerContext {
  mem0: Mem0Port;
  /** The durable write path of `remember`; null when the host runs without a database. */
  outbox: OutboxPort | null;
  /** The legacy -> mem0 cutover (per-workspace modes, legacy mirror); null on a host without a legacy store. */
  cutover: Cutover | null;
  /** Who is calling, from a verified source; null for anonymous callers (only public procedures). */
  principal: Principal | null;
  config: MemoryConfig;
  /** Already bound to the request id. */
  logger: Logger;
  /** Carried to mem0 as X-Request-ID. */
  requestId: string;
}

export interface CreateInnerContextOptions {
  mem0: Mem0Port;
  outbox?: OutboxPort | null;
  cutover?: Cutover | null;
  principal: Principal | null;
  config?: MemoryConfig | MemoryConfigInput;
  logger?: Logger;
  /** From the incoming x-request-id header; replaced by a fresh UUID when absent or not header-safe. */
  requestId?: string;
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export function createInnerContext(options: CreateInnerContextOptions): InnerContext {
  const requestId =
    options.requestId !== undefined && REQUEST_ID.test(options.requestId) ? options.requestId : randomUUID();
  const base = options.logger ?? silentLogger();
  return {
    mem0: options.mem0,
    outbox: options.outbox ?? null,
    cutover: options.cutover ?? null,
    principal: options.principal,
    config: resolveConfig(options.config),
    logger: lazyChild(base, { requestId, app: options.principal?.app }),
    requestId,
  };
}
