import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { MemoryClient } from "../api.js";
import { ErrorNote, Loading } from "../status.js";

const REFRESH_MS = 5_000;
/** What memory.retryDeadLetters takes in one call (its input's maximum is 200). */
const BATCH = 50;

/**
 * The outbox's dead letters of the operator's workspace (memory.deadLetters: id, failures, last error; never
 * what the user said) and "Retry": after a confirmation, memory.retryDeadLetters moves them back to pending
 * in batches, with progress; the relay then delivers them with a fresh attempt budget.
 */
export function DeadLettersPanel({ admin }: { admin: MemoryClient }) {
  const [confirming, setConfirming] = useState(false);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const queryClient = useQueryClient();
  const dead = useQuery({
    queryKey: ["operator", "dead-letters"],
    queryFn: () => admin.memory.deadLetters.query({ limit: 200 }),
    refetchInterval: REFRESH_MS,
  });
  const jobs = dead.data?.deadLetters ?? [];
  const retry = useMutation({
    mutationFn: async (jobIds: string[]) => {
      let retried = 0;
      setProgress({ done: 0, total: jobIds.length });
      for (let i = 0; i < jobIds.length; i += BATCH) {
        retried += (await admin.memory.retryDeadLetters.mutate({ jobIds: jobIds.slice(i, i + BATCH) }))
          .retried;
        setProgress({ done: Math.min(i + BATCH, jobIds.length), total: jobIds.length });
      }
      return retried;
    },
    onSettled: () => {
      setConfirming(false);
      void queryClient.invalidateQueries({ queryKey: ["operator"] });
    },
  });

  return (
    <section aria-labelledby="dead-heading" className="group">
      <h2 id="dead-heading">Dead letters</h2>
      {dead.isPending && <Loading what="dead letters" />}
      {dead.isError && <ErrorNote error={dead.error} what="memory.deadLetters failed" />}
      {dead.data && jobs.length === 0 && <p className="note empty">No dead letters in this workspace.</p>}
      {jobs.length > 0 && (
        <ul className="dead-letters" aria-label="Dead-lettered jobs">
          {jobs.map((job) => (
            <li key={job.jobId}>
              <code>{job.jobId}</code> — {job.failures} failed {job.failures === 1 ? "attempt" : "attempts"},
              last error: {job.lastError ?? "none"}; dead since {new Date(job.deadSince).toLocaleString()}
            </li>
          ))}
        </ul>
      )}
      {jobs.length > 0 && !confirming && !retry.isPending && (
        <button type="button" onClick={() => setConfirming(true)}>
          Retry {jobs.length === 1 ? "this dead letter" : `these ${jobs.length} dead letters`}…
        </button>
      )}
      {confirming && (
        <fieldset className="confirm">
          <legend>Move {jobs.length === 1 ? "it" : `all ${jobs.length}`} back to the outbox?</legend>
          <p className="explain">
            The relay delivers them to mem0 again with a fresh attempt budget. Fix what failed first (the last
            error says what), or they will end here again.
          </p>
          <button
            type="button"
            disabled={retry.isPending}
            onClick={() => retry.mutate(jobs.map((j) => j.jobId))}
          >
            {retry.isPending ? "Retrying…" : "Yes, retry them"}
          </button>
          <button type="button" disabled={retry.isPending} onClick={() => setConfirming(false)}>
            Cancel
          </button>
        </fieldset>
      )}
      <div role="status" aria-live="polite">
        {retry.isPending && progress && (
          <>
            <progress max={progress.total} value={progress.done} aria-label="Retry progress" />
            <p>
              Retrying: {progress.done} of {progress.total}
            </p>
          </>
        )}
        {retry.isSuccess && (
          <p className="note">
            Retried {retry.data}: back in the outbox, the relay is delivering{" "}
            {retry.data === 1 ? "it" : "them"}.
          </p>
        )}
      </div>
      {retry.isError && <ErrorNote error={retry.error} what="Retry stopped" />}
    </section>
  );
}
