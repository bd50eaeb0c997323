/**
 * Deterministic, bounded sampling of rows per workspace for the shadow comparison: keeps the `size` rows
 * with the smallest hash of their legacy id. Same database, same samples, whatever the page size.
 */
import { createHash } from "node:crypto";

export interface Sample {
  legacyId: string;
  query: string;
  mem0Ids: { user_id?: string; agent_id?: string; run_id?: string };
}

const rank = (id: string): string => createHash("sha1").update(id).digest("hex");

export class SamplePicker {
  private readonly byWorkspace = new Map<string, { rank: string; sample: Sample }[]>();

  constructor(private readonly size: number) {}

  offer(workspaceId: string, sample: Sample): void {
    if (this.size <= 0) return;
    const list = this.byWorkspace.get(workspaceId) ?? [];
    const r = rank(sample.legacyId);
    if (list.length >= this.size && r >= (list[list.length - 1]?.rank ?? "")) return;
    list.push({ rank: r, sample });
    list.sort((a, b) => (a.rank < b.rank ? -1 : 1));
    if (list.length > this.size) list.pop();
    this.byWorkspace.set(workspaceId, list);
  }

  samples(workspaceId: string): Sample[] {
    return (this.byWorkspace.get(workspaceId) ?? []).map((e) => e.sample);
  }
}

/** A sample query from a memory's text: its first words, as a user would ask about it. */
export function queryFrom(text: string, words = 10): string {
  return text.split(/\s+/).filter(Boolean).slice(0, words).join(" ");
}
