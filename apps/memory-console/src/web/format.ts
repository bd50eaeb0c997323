import type { MemoryItem } from "./api.js";

const DATE = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

export function formatWhen(iso: string | null): string {
  if (!iso) return "date unknown";
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? "date unknown" : DATE.format(d);
}

/** The writing app, when the app recorded it in the memory's metadata (`source`). */
export function sourceOf(memory: Pick<MemoryItem, "metadata">): string {
  const source = memory.metadata?.source;
  return typeof source === "string" && source !== "" ? source : "an app that did not say";
}

export function formatMs(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return "—";
  if (ms < 1_000) return `${Math.round(ms)} ms`;
  if (ms < 120_000) return `${(ms / 1_000).toFixed(1)} s`;
  return `${Math.round(ms / 60_000)} min`;
}
