import { afterAll, beforeAll, beforeEach } from "vitest";
import { createOutbox, type Outbox } from "../outbox/outbox.js";
import type { Backend, TestDatabase } from "./backends.js";

/** One database per suite from the matrix, emptied before each test, with an outbox over it. */
export function useOutboxDatabase(backend: Backend): { t: TestDatabase; outbox: Outbox } {
  const fixture = {} as { t: TestDatabase; outbox: Outbox };
  beforeAll(async () => {
    fixture.t = await backend.open();
    fixture.outbox = createOutbox(fixture.t.database.db);
  });
  afterAll(() => fixture.t?.close());
  beforeEach(() => fixture.t.reset());
  return fixture;
}
