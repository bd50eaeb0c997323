import type { Split } from "./types.js";

/**
 * The split rule of both sets: personas sorted by name (code-point order, so it does not depend on the
 * machine's locale), the first half is dev (tune on it), the second half test (report only). With 10
 * personas: 5 and 5.
 */
export function splitByName<T>(items: readonly T[], nameOf: (item: T) => string, split: Split): T[] {
  if (split !== "dev" && split !== "test")
    throw new Error(`split must be "dev" or "test", got ${String(split)}`);
  const sorted = [...items].sort((a, b) => (nameOf(a) < nameOf(b) ? -1 : nameOf(a) > nameOf(b) ? 1 : 0));
  const half = Math.floor(sorted.length / 2);
  return split === "dev" ? sorted.slice(0, half) : sorted.slice(half);
}
