/**
 * A bounded, secret-free label for an error: the mem0 client's `kind` (timeout, unavailable, ...) when it has
 * one, else "error". Messages are never used as labels: they may quote URLs or upstream text.
 */
export function errorKind(err: unknown): string {
  const kind = (err as { kind?: unknown } | null)?.kind;
  return typeof kind === "string" && /^[a-z_]{1,32}$/.test(kind) ? kind : "error";
}
