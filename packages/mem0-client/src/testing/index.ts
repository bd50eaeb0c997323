/**
 * Loopback test doubles for mem0 (for tests and benchmarks of this and other packages, never production):
 * fakes of the self-hosted server and the hosted platform on a stub HTTP server with fault injection.
 * `startServerFake` is the one fake mem0 server every package's tests and benchmarks use.
 */
export { type AddBody, AddLog, type AddLogOptions, type AddStats, type ReceivedAdd } from "./add-log.js";
export { FakeStore, type FakeStoreOptions } from "./fake-store.js";
export { createPlatformFake, type PlatformFakeOptions } from "./platform-fake.js";
export { createServerFake, type ServerFakeOptions } from "./server-fake.js";
export {
  type Fault,
  type StubHandler,
  type StubMode,
  type StubReply,
  type StubRequest,
  type StubServer,
  type StubServerOptions,
  startStubServer,
} from "./stub-http.js";

import { AddLog } from "./add-log.js";
import { FakeStore } from "./fake-store.js";
import { createPlatformFake, type PlatformFakeOptions } from "./platform-fake.js";
import { createServerFake, type ServerFakeOptions } from "./server-fake.js";
import { type StubServerOptions, startStubServer } from "./stub-http.js";

export interface StartServerFakeOptions extends Omit<ServerFakeOptions, "addLog">, StubServerOptions {
  /** Keep added memories in the store (default true; off, adds are only counted). */
  keep?: boolean;
  /** Metadata keys whose values the add log tallies (distinct values, repeats). */
  tally?: string[];
}

/**
 * A fake self-hosted mem0 server listening on 127.0.0.1, with fault injection (`inject`, `setMode`,
 * `setLatency`) and what it received (`requests`, `requestCount`, `inFlight`, `adds`, `addStats`).
 */
export async function startServerFake(opts: StartServerFakeOptions = {}) {
  const store = opts.store ?? new FakeStore({ keep: opts.keep });
  const addLog = new AddLog({ record: opts.record, tally: opts.tally });
  const fake = createServerFake({ ...opts, store, addLog });
  const server = await startStubServer(fake.handle, opts);
  return Object.assign(server, {
    store,
    /** The ADMIN_API_KEY the fake checks (undefined: auth disabled). */
    apiKey: opts.apiKey,
    adds: () => addLog.adds(),
    addStats: () => addLog.stats(),
    /** Forgets memories, history, logged adds and recorded requests (faults and mode stay). */
    clear() {
      store.reset();
      addLog.clear();
      server.requests.length = 0;
    },
  });
}

export type ServerFakeServer = Awaited<ReturnType<typeof startServerFake>>;

/** A fake hosted platform listening on 127.0.0.1 (ephemeral port). */
export async function startPlatformFake(opts: PlatformFakeOptions & StubServerOptions) {
  const fake = createPlatformFake(opts);
  const server = await startStubServer(fake.handle, opts);
  return Object.assign(server, { store: fake.store, events: fake.events });
}
