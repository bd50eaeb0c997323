/**
 * createMem0Client: validated options -> undici transport -> cockatiel policies -> one dialect, behind the
 * dialect-neutral Mem0Client surface. Inputs are checked here (no request for bad input) and every
 * rejection is a Mem0Error with secrets scrubbed.
 */
import { type ResolvedOptions, resolveOptions } from "./client-options.js";
import { createExchange } from "./core/exchange.js";
import { findByMetadata } from "./core/find-by-metadata.js";
import {
  validateAdd,
  validateDeleteAll,
  validateEntity,
  validateFind,
  validateGetAll,
  validateSearch,
  validateUpdate,
} from "./core/request-validation.js";
import type { DialectOps } from "./dialects/dialect.js";
import { platformDialect } from "./dialects/platform-dialect.js";
import { serverDialect } from "./dialects/server-dialect.js";
import { isMem0Error, Mem0Error, redactError } from "./errors.js";
import { createTransport } from "./http/transport.js";
import { assertUuid } from "./ids.js";
import { createResilience } from "./resilience/policies.js";
import type { Mem0Client, Mem0ClientOptions } from "./types.js";

export function createMem0Client(options: Mem0ClientOptions): Mem0Client {
  const o: ResolvedOptions = resolveOptions(options);
  const transport = createTransport({
    baseUrl: o.baseUrl,
    authHeaders: o.authHeaders,
    timeouts: o.timeouts,
    connections: o.connections,
    dispatcher: options.dispatcher,
  });
  const resilience = createResilience({ ...o.retry, ...o.breaker, logger: options.logger });
  const exchange = createExchange({ transport, resilience, secrets: o.secrets, logger: options.logger });
  const ops: DialectOps =
    o.dialect === "platform" ? platformDialect(exchange, o.eventPoll) : serverDialect(exchange);
  let closed = false;

  /** Runs a call; input validation errors and the closed check reject (never throw synchronously). */
  const fail = (err: unknown): never => {
    const e = isMem0Error(err) ? err : new Mem0Error({ kind: "validation", message: String(err) });
    throw redactError(e, o.secrets);
  };
  const guard = <T>(fn: () => Promise<T>): Promise<T> => {
    try {
      if (closed)
        throw new Mem0Error({ kind: "unavailable", message: "the mem0 client is closed", retryable: false });
      // Dialect code above the exchange (event polling, paging) can raise errors too: scrub those as well.
      return fn().catch(fail);
    } catch (err) {
      return Promise.reject(err).catch(fail);
    }
  };

  return {
    dialect: o.dialect,
    add: (req, opts) => guard(() => ops.add(validateAdd(req), opts)),
    search: (req, opts) => guard(() => ops.search(validateSearch(req), opts)),
    getAll: (req, opts) => guard(() => ops.getAll(validateGetAll(req), opts)),
    findByMetadata: (req, opts) => guard(() => findByMetadata(ops, o.dialect, validateFind(req), opts)),
    get: (id, opts) => guard(() => ops.get(assertUuid("id", id), opts)),
    update: (id, req, opts) => guard(() => ops.update(assertUuid("id", id), validateUpdate(req), opts)),
    delete: (id, opts) => guard(() => ops.delete(assertUuid("id", id), opts)),
    deleteAll: (req, opts) => guard(() => ops.deleteAll(validateDeleteAll(req), opts)),
    history: (id, opts) => guard(() => ops.history(assertUuid("id", id), opts)),
    reset: (opts) => guard(() => ops.reset(opts)),
    entities: (opts) => guard(() => ops.entities(opts)),
    deleteEntity: (type, id, opts) =>
      guard(() => {
        const v = validateEntity(type, id);
        return ops.deleteEntity(v.type, v.id, opts);
      }),
    ping: (opts) => guard(() => ops.ping(opts)),
    breakerState: () => resilience.state(),
    onBreakerChange: (listener) => resilience.onChange(listener),
    close: async () => {
      closed = true;
      await transport.close();
    },
  };
}
