/**
 * @automatos/memory (".") — kept while consumers move to the three entries: `./client` (call memory),
 * `./server` (the router and its tRPC setup), `./stack` (database + mem0 opened). It re-exports all three, so
 * it loads everything; an app that only talks HTTP imports `./client` instead. See README.md "Entry points".
 */
import {
  createMemoryClient as createClient,
  type MemoryClient,
  type MemoryClientOptions,
} from "./client/index.js";
import { appRouter } from "./root.js";

export {
  closeGatewayConnections,
  type InProcessOptions,
  MEMORY_HEADERS,
  type MemoryClient,
  type MemoryHeader,
} from "./client/index.js";
export * from "./server.js";
export * from "./stack/index.js";

/** Options of the "." createMemoryClient: as `./client`'s, with `inProcess.router` defaulting to appRouter. */
export type LegacyMemoryClientOptions = Omit<MemoryClientOptions, "inProcess"> & {
  inProcess?: Omit<NonNullable<MemoryClientOptions["inProcess"]>, "router"> & {
    router?: NonNullable<MemoryClientOptions["inProcess"]>["router"];
  };
};
export type { LegacyMemoryClientOptions as MemoryClientOptions };

/** `./client`'s createMemoryClient; in process without a router it runs this package's appRouter. */
export function createMemoryClient(options: LegacyMemoryClientOptions): MemoryClient {
  const { inProcess, ...rest } = options;
  return createClient(
    inProcess ? { ...rest, inProcess: { router: appRouter, ...inProcess } } : (rest as MemoryClientOptions),
  );
}
