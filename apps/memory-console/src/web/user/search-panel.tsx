import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { formatWhen, sourceOf } from "../format.js";
import { ErrorNote, Loading } from "../status.js";
import type { ScopeGroup } from "./groups.js";

/** memory.search in every group the user can see, merged by score; a group that fails is said so. */
export function SearchPanel({ groups }: { groups: ScopeGroup[] }) {
  const [draft, setDraft] = useState("");
  const [query, setQuery] = useState("");
  const search = useQuery({
    queryKey: ["search", query],
    enabled: query !== "",
    queryFn: async () => {
      const settled = await Promise.allSettled(
        groups.map((g) => g.client.memory.search.query({ query, scopes: [g.scope], topK: 10 })),
      );
      const failed = settled.flatMap((s, i) =>
        s.status === "rejected" ? [{ group: groups[i], error: s.reason }] : [],
      );
      if (failed.length === groups.length) throw failed[0]?.error;
      const hits = settled.flatMap((s, i) =>
        s.status === "fulfilled"
          ? s.value.memories.map((m) => ({ ...m, group: groups[i] as ScopeGroup }))
          : [],
      );
      hits.sort((a, b) => b.score - a.score);
      return { hits, failed };
    },
  });

  return (
    <section className="search" aria-labelledby="search-heading">
      <h2 id="search-heading">Search</h2>
      <search>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            setQuery(draft.trim());
          }}
        >
          <label htmlFor="search-input">Search your memories</label>
          <div className="row">
            <input
              id="search-input"
              type="search"
              value={draft}
              maxLength={2000}
              onChange={(e) => setDraft(e.target.value)}
              placeholder="e.g. food, travel, work"
            />
            <button type="submit">Search</button>
            {query && (
              <button
                type="button"
                onClick={() => {
                  setDraft("");
                  setQuery("");
                }}
              >
                Clear
              </button>
            )}
          </div>
        </form>
      </search>
      {query && search.isPending && <Loading what="results" />}
      {search.isError && <ErrorNote error={search.error} what="Search failed" />}
      {search.data && (
        <div aria-live="polite">
          {search.data.failed.map((f) => (
            <ErrorNote key={f.group?.key} error={f.error} what={`Not searched: ${f.group?.title}`} />
          ))}
          {search.data.hits.length === 0 ? (
            <p className="note empty">No memory matches “{query}”.</p>
          ) : (
            <ol className="results" aria-label={`Results for ${query}`}>
              {search.data.hits.map((hit) => (
                <li key={hit.id} className="memory">
                  <p className="text">{hit.text}</p>
                  <p className="meta">
                    {hit.group.title} · {formatWhen(hit.updatedAt ?? hit.createdAt)} · from {sourceOf(hit)} ·
                    match {hit.score.toFixed(2)}
                  </p>
                </li>
              ))}
            </ol>
          )}
        </div>
      )}
    </section>
  );
}
