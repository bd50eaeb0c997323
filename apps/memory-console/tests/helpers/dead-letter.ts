import { join } from "node:path";
import { claimDue, createDb, createOutbox, settle } from "@automatos/db";

/**
 * Writes one dead-lettered remember job into the gateway's database before the gateway starts (PGlite under
 * `<GATEWAY_DATA_DIR>/pg`, apps/memory-gateway README): a job the relay gave up on, as after a permanent
 * mem0 failure, for the operator view to retry. Returns its id.
 */
export async function seedDeadLetter(
  gatewayDataDir: string,
  job: { mem0UserId: string; text: string },
): Promise<string> {
  const database = await createDb({ dataDir: join(gatewayDataDir, "pg") });
  try {
    const { jobId } = await createOutbox(database.db).enqueue({
      idempotencyKey: `console-test-dead-${Date.now()}`,
      mem0Ids: { user_id: job.mem0UserId },
      payload: {
        messages: [{ role: "user", content: job.text }],
        metadata: { source: "chatbot" },
        infer: false,
      },
    });
    // The relay's own steps: claim the job, then settle it as dead after a failure.
    const [claimed] = await claimDue(database.db, { relayId: "console-test", limit: 1, leaseMs: 60_000 });
    if (claimed?.id !== jobId) throw new Error("seedDeadLetter: the database already held other due jobs");
    await settle(database.db, "console-test", [
      {
        id: jobId,
        claimAttempts: claimed.attempts,
        outcome: "dead",
        failed: true,
        error: "mem0 answered 503 (test)",
      },
    ]);
    return jobId;
  } finally {
    await database.close();
  }
}
