import { useQuery } from "@tanstack/react-query";
import { formatWhen } from "../format.js";
import { ErrorNote, Loading } from "../status.js";
import type { ScopeGroup } from "./groups.js";

/** mem0's change log of one memory (memory.history): added, updated (old -> new), deleted. */
export function HistoryList({ id, group }: { id: string; group: ScopeGroup }) {
  const history = useQuery({
    queryKey: ["history", group.key, id],
    queryFn: () => group.client.memory.history.query({ id }),
  });
  if (history.isPending) return <Loading what="history" />;
  if (history.isError) return <ErrorNote error={history.error} what="Could not load the history" />;
  if (history.data.entries.length === 0) return <p className="note empty">No recorded changes.</p>;
  return (
    <ol className="history" aria-label="History of this memory">
      {history.data.entries.map((entry, i) => (
        // mem0's history entries carry no id of their own; their order is the log's order.
        // biome-ignore lint/suspicious/noArrayIndexKey: a fixed, append-only log rendered once.
        <li key={i}>
          <strong>{entry.event.toLowerCase()}</strong> {formatWhen(entry.updatedAt ?? entry.createdAt)}
          {entry.oldText && entry.newText && entry.oldText !== entry.newText ? (
            <>
              : <del>{entry.oldText}</del> → <ins>{entry.newText}</ins>
            </>
          ) : (
            entry.newText && <>: {entry.newText}</>
          )}
        </li>
      ))}
    </ol>
  );
}
