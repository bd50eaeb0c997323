import { useQuery } from "@tanstack/react-query";
import { ErrorNote, Loading } from "../status.js";
import { LIST_LIMIT, listKey, type ScopeGroup } from "./groups.js";
import { MemoryRow } from "./memory-row.js";

export function MemoryGroup({ group }: { group: ScopeGroup }) {
  const list = useQuery({
    queryKey: listKey(group),
    queryFn: () => group.client.memory.list.query({ scopes: [group.scope], limit: LIST_LIMIT }),
  });
  const headingId = `group-${group.key.replace(/[^a-z0-9-]/gi, "-")}`;
  return (
    <section className="group" aria-labelledby={headingId} data-scope={group.scope}>
      <h2 id={headingId}>
        {group.title}
        {list.data && <span className="count"> ({list.data.memories.length})</span>}
      </h2>
      <p className="explain">{group.explain}</p>
      {list.isPending && <Loading what="memories" />}
      {list.isError && <ErrorNote error={list.error} what="Could not load these memories" />}
      {list.data && list.data.memories.length === 0 && (
        <p className="note empty">Nothing is remembered here.</p>
      )}
      {list.data && list.data.memories.length > 0 && (
        <ul className="memories">
          {list.data.memories.map((memory) => (
            <MemoryRow key={memory.id} memory={memory} group={group} />
          ))}
        </ul>
      )}
      {list.data?.truncated && (
        <p className="note">Showing the newest {LIST_LIMIT}; search to find older ones.</p>
      )}
    </section>
  );
}
