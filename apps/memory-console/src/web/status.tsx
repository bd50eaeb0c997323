import { describeError } from "./api.js";

/** A failed call, announced to screen readers (role=alert). */
export function ErrorNote({ error, what }: { error: unknown; what: string }) {
  return (
    <p className="note error" role="alert">
      <strong>{what}:</strong> {describeError(error)}
    </p>
  );
}

export function Loading({ what }: { what: string }) {
  return (
    <p className="note" role="status" aria-live="polite">
      Loading {what}…
    </p>
  );
}
