/**
 * Dead letters within one workspace: listing them for an operator and replaying them by id, both limited to
 * the jobs whose every mem0 id carries that workspace's prefix.
 */
import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { OutboxValidationError } from "../src/outbox/errors.js";
import { describeBackends } from "../src/testing/backends.js";
import { useOutboxDatabase } from "../src/testing/outbox-fixture.js";

const W1 = "workspace_w1_";
const inW1 = { user_id: "workspace_w1_user_u1", agent_id: "workspace_w1_agent_a1" };
const inW10 = { user_id: "workspace_w10_user_u1" };
// A wildcard-looking prefix must match literally: "workspace_w1_" is not "workspace w1x".
const inWx = { run_id: "workspacexw1xrun_r1" };

const job = (key: string, mem0Ids: Record<string, string>) => ({
  idempotencyKey: key,
  mem0Ids,
  payload: { messages: [{ role: "user", content: `text of ${key}` }], infer: false },
});

describeBackends("outbox dead letters", (backend) => {
  const f = useOutboxDatabase(backend);

  /** Enqueues the jobs and dead-letters all of them, as the relay does after a permanent failure. */
  async function deadJobs(jobs: ReturnType<typeof job>[]): Promise<Record<string, string>> {
    const ids: Record<string, string> = {};
    for (const j of jobs) ids[j.idempotencyKey] = (await f.outbox.enqueue(j)).jobId;
    await f.t.database.db.execute(
      sql`update outbox set status = 'dead', failures = 1, last_error = '422', updated_at = now()`,
    );
    return ids;
  }

  it("lists one workspace's dead letters, newest first, without payloads", async () => {
    const ids = await deadJobs([job("a", inW1), job("b", inW10), job("c", inWx)]);
    await f.outbox.enqueue(job("pending", inW1));
    const listed = await f.outbox.listDead({ mem0IdPrefix: W1 });
    expect(listed.map((d) => d.id)).toEqual([ids.a]);
    expect(listed[0]).toMatchObject({ failures: 1, lastError: "422" });
    expect(listed[0]?.updatedAt).toBeInstanceOf(Date);
    expect(Object.keys(listed[0] ?? {}).sort()).toEqual([
      "createdAt",
      "failures",
      "id",
      "lastError",
      "updatedAt",
    ]);
  });

  it("replays by id only within the prefix: another workspace's id is left dead", async () => {
    const ids = await deadJobs([job("a", inW1), job("b", inW10)]);
    const out = await f.outbox.replayDead({ jobIds: [ids.a as string, ids.b as string], mem0IdPrefix: W1 });
    expect(out).toEqual({ replayed: 1, jobIds: [ids.a] });
    expect(await f.outbox.get(ids.a as string)).toMatchObject({ status: "pending", attempts: 0 });
    expect(await f.outbox.get(ids.b as string)).toMatchObject({ status: "dead" });
    // Replaying again finds nothing dead in the workspace.
    expect(await f.outbox.replayDead({ jobIds: [ids.a as string], mem0IdPrefix: W1 })).toEqual({
      replayed: 0,
      jobIds: [],
    });
  });

  it("refuses an empty prefix and a bad limit, naming the field", async () => {
    await expect(f.outbox.listDead({ mem0IdPrefix: "" })).rejects.toBeInstanceOf(OutboxValidationError);
    await expect(f.outbox.listDead({ mem0IdPrefix: W1, limit: 0 })).rejects.toThrow(/limit/);
    await expect(f.outbox.replayDead({ mem0IdPrefix: "" })).rejects.toThrow(/mem0IdPrefix/);
  });
});
