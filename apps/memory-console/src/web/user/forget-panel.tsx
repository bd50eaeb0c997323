import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ErrorNote } from "../status.js";
import type { ScopeGroup } from "./groups.js";

/** mem0 has no paging: a forget pass may report `complete: false`; passes repeat up to this many times. */
const MAX_PASSES = 5;

type Progress =
  | { state: "idle" }
  | { state: "confirm"; understood: boolean }
  | { state: "running"; done: number; total: number; current: string; deleted: number }
  | { state: "finished"; deleted: number; incomplete: string[] }
  | { state: "failed"; error: unknown; step: string; deleted: number };

/**
 * "Forget everything about me": memory.forget of each scope the user's sign-in can write (their own, and
 * each agent's notes about them), one after the other, with progress; only after an explicit confirmation.
 */
export function ForgetPanel({ groups }: { groups: ScopeGroup[] }) {
  const [progress, setProgress] = useState<Progress>({ state: "idle" });
  const queryClient = useQueryClient();

  async function run() {
    let deleted = 0;
    const incomplete: string[] = [];
    for (const [i, group] of groups.entries()) {
      setProgress({ state: "running", done: i, total: groups.length, current: group.title, deleted });
      try {
        let complete = false;
        for (let pass = 0; pass < MAX_PASSES && !complete; pass++) {
          const out = await group.client.memory.forget.mutate({ kind: "scope", scope: group.scope });
          deleted += out.deleted ?? 0;
          complete = out.complete;
        }
        if (!complete) incomplete.push(group.title);
      } catch (error) {
        setProgress({ state: "failed", error, step: group.title, deleted });
        await queryClient.invalidateQueries();
        return;
      }
    }
    setProgress({ state: "finished", deleted, incomplete });
    await queryClient.invalidateQueries();
  }

  return (
    <section className="forget" aria-labelledby="forget-heading">
      <h2 id="forget-heading">Forget everything about me</h2>
      <p className="explain">
        Erases every memory shown above: yours and what each agent keeps about you. This cannot be undone.
      </p>
      {(progress.state === "idle" || progress.state === "finished" || progress.state === "failed") && (
        <button
          type="button"
          className="danger"
          onClick={() => setProgress({ state: "confirm", understood: false })}
        >
          Forget everything about me…
        </button>
      )}
      {progress.state === "confirm" && (
        <fieldset className="confirm">
          <legend>Confirm forgetting everything</legend>
          <label className="check">
            <input
              type="checkbox"
              checked={progress.understood}
              onChange={(e) => setProgress({ state: "confirm", understood: e.target.checked })}
            />
            I understand that every memory about me will be erased for good
          </label>
          <button type="button" className="danger" disabled={!progress.understood} onClick={() => void run()}>
            Forget everything
          </button>
          <button type="button" onClick={() => setProgress({ state: "idle" })}>
            Cancel
          </button>
        </fieldset>
      )}
      <div role="status" aria-live="polite">
        {progress.state === "running" && (
          <>
            <progress max={progress.total} value={progress.done} aria-label="Forgetting progress" />
            <p>
              Erasing: {progress.current} ({progress.done + 1} of {progress.total}); {progress.deleted} erased
              so far
            </p>
          </>
        )}
        {progress.state === "finished" && (
          <p className="note">
            {progress.incomplete.length === 0
              ? "Done: every scope is erased"
              : `Partly done: some memories may remain in ${progress.incomplete.join(", ")}; run it again to finish`}{" "}
            ({progress.deleted} memories counted; the store does not count every kind of erase).
          </p>
        )}
      </div>
      {progress.state === "failed" && (
        <ErrorNote
          error={progress.error}
          what={`Stopped at “${progress.step}” after erasing ${progress.deleted}`}
        />
      )}
    </section>
  );
}
