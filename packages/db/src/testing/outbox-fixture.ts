import { afterAll, beforeAll, beforeEach } from "vitest";
import type { Db } from "../create-db.js";
import { type ClaimedJob, type SettleOutcome, settle } from "../outbox/claim.js";
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

/** Settles every claimed row with one outcome, as a relay holding them would. */
export function settleAll(
  db: Db,
  relayId: string,
  rows: ClaimedJob[],
  outcome: SettleOutcome,
  failure?: { error: string },
): Promise<Set<string>> {
  return settle(
    db,
    relayId,
    rows.map((r) => ({
      id: r.id,
      claimAttempts: r.attempts,
      outcome,
      failed: failure !== undefined,
      ...failure,
    })),
  );
}
