/**
 * Loopback test doubles for mem0 (for tests and benchmarks of this and other packages, never production):
 * fakes of the self-hosted server and the hosted platform, and a stub HTTP server with fault injection.
 */
export { FakeStore } from "./fake-store.js";
export { createPlatformFake, type PlatformFakeOptions } from "./platform-fake.js";
export { createServerFake, type ServerFakeOptions } from "./server-fake.js";
export {
  type Fault,
  type StubHandler,
  type StubReply,
  type StubRequest,
  type StubServer,
  startStubServer,
} from "./stub-http.js";

import { createPlatformFake, type PlatformFakeOptions } from "./platform-fake.js";
import { createServerFake, type ServerFakeOptions } from "./server-fake.js";
import { type StubServer, startStubServer } from "./stub-http.js";

/** A fake self-hosted mem0 server listening on 127.0.0.1 (ephemeral port). */
export async function startServerFake(opts: ServerFakeOptions & { record?: boolean } = {}) {
  const fake = createServerFake(opts);
  const server: StubServer = await startStubServer(fake.handle, { record: opts.record });
  return { ...server, store: fake.store };
}

/** A fake hosted platform listening on 127.0.0.1 (ephemeral port). */
export async function startPlatformFake(opts: PlatformFakeOptions & { record?: boolean }) {
  const fake = createPlatformFake(opts);
  const server: StubServer = await startStubServer(fake.handle, { record: opts.record });
  return { ...server, store: fake.store, events: fake.events };
}
