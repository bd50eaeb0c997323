import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { MemoryItem } from "../api.js";
import { formatWhen, sourceOf } from "../format.js";
import { ErrorNote } from "../status.js";
import type { ScopeGroup } from "./groups.js";
import { HistoryList } from "./history-list.js";

type Mode = "view" | "edit" | "confirm-delete" | "history";

/** One memory: its text, when and from which app, and its actions (history, correct, delete). */
export function MemoryRow({ memory, group }: { memory: MemoryItem; group: ScopeGroup }) {
  const [mode, setMode] = useState<Mode>("view");
  const [draft, setDraft] = useState(memory.text);
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] !== "history" });
  const update = useMutation({
    mutationFn: (text: string) => group.client.memory.update.mutate({ id: memory.id, text }),
    onSuccess: async () => {
      setMode("view");
      await queryClient.invalidateQueries();
    },
  });
  const remove = useMutation({
    mutationFn: () => group.client.memory.delete.mutate({ id: memory.id }),
    onSuccess: refresh,
  });
  const textId = `memory-${memory.id}`;
  const changed = memory.updatedAt && memory.updatedAt !== memory.createdAt;

  return (
    <li className="memory" aria-labelledby={textId}>
      {mode === "edit" ? (
        <form
          className="edit"
          onSubmit={(e) => {
            e.preventDefault();
            update.mutate(draft);
          }}
          onKeyDown={(e) => {
            if (e.key === "Escape") setMode("view");
          }}
        >
          <label htmlFor={`${textId}-edit`}>Corrected text</label>
          <textarea
            id={`${textId}-edit`}
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            rows={3}
            maxLength={8000}
            required
            // biome-ignore lint/a11y/noAutofocus: the user just asked to edit this memory; focus follows.
            autoFocus
          />
          <div className="actions">
            <button type="submit" disabled={update.isPending || draft.trim() === ""}>
              {update.isPending ? "Saving…" : "Save"}
            </button>
            <button type="button" onClick={() => setMode("view")}>
              Cancel
            </button>
          </div>
          {update.isError && <ErrorNote error={update.error} what="Not saved" />}
        </form>
      ) : (
        <p className="text" id={textId}>
          {memory.text}
        </p>
      )}
      <p className="meta">
        {changed ? "Corrected" : "Remembered"} {formatWhen(memory.updatedAt ?? memory.createdAt)} · from{" "}
        {sourceOf(memory)}
      </p>
      {mode !== "edit" && (
        <div className="actions">
          <button
            type="button"
            aria-expanded={mode === "history"}
            onClick={() => setMode(mode === "history" ? "view" : "history")}
          >
            History
          </button>
          <button
            type="button"
            onClick={() => {
              setDraft(memory.text);
              setMode("edit");
            }}
          >
            Correct
          </button>
          <button type="button" className="danger" onClick={() => setMode("confirm-delete")}>
            Delete
          </button>
        </div>
      )}
      {mode === "history" && <HistoryList id={memory.id} group={group} />}
      {mode === "confirm-delete" && (
        <fieldset className="confirm">
          <legend>Delete this memory for good?</legend>
          <button
            type="button"
            className="danger"
            disabled={remove.isPending}
            onClick={() => remove.mutate()}
          >
            {remove.isPending ? "Deleting…" : "Yes, delete it"}
          </button>
          <button type="button" onClick={() => setMode("view")}>
            Keep it
          </button>
          {remove.isError && <ErrorNote error={remove.error} what="Not deleted" />}
        </fieldset>
      )}
    </li>
  );
}
