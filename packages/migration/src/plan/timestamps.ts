/**
 * Legacy timestamps are `timestamp without time zone` written with Python's naive `datetime.now()`; the
 * migration treats them as UTC (docs/legacy-store.md §6). They are read as text (`::text`) so no driver applies
 * the process's local time zone on the way.
 */
const NAIVE = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})(\.\d+)?$/;

/** "2025-11-03 14:22:10.123456" -> "2025-11-03T14:22:10.123456Z"; null, infinity and BC dates -> null. */
export function naiveToUtcIso(text: string | null | undefined): string | null {
  if (!text) return null;
  const m = NAIVE.exec(text.trim());
  if (!m) return null;
  const iso = `${m[1]}T${m[2]}${m[3] ?? ""}Z`;
  return Number.isNaN(Date.parse(iso)) ? null : iso;
}
