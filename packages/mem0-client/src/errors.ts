/**
 * One error type for every failure the client reports. `kind` is what callers branch on; `retryable` says
 * whether the failure is transient (trying the same call later may succeed), NOT whether it is safe to
 * repeat a write: that decision belongs to the caller (the outbox makes adds idempotent, the client never
 * repeats one by itself).
 */
export type Mem0ErrorKind =
  | "not_found"
  | "validation"
  | "auth"
  | "rate_limited"
  | "upstream"
  | "timeout"
  | "unavailable"
  | "circuit_open"
  | "bad_response"
  | "aborted";

export interface Mem0ErrorInit {
  kind: Mem0ErrorKind;
  message: string;
  status?: number;
  /** mem0's own explanation (the `detail` or `error` field), when it sent one. */
  detail?: string;
  /** mem0's machine code, e.g. "provider_rate_limited" on a 502. */
  code?: string;
  requestId?: string;
  retryable?: boolean;
  /** From a Retry-After header, in milliseconds. */
  retryAfterMs?: number;
  /** For kind "validation" raised before any request: the offending input field. */
  field?: string;
  /** The low-level cause (e.g. "ECONNRESET", "UND_ERR_HEADERS_TIMEOUT"); never a request object. */
  causeCode?: string;
}

const TRANSIENT: ReadonlySet<Mem0ErrorKind> = new Set([
  "timeout",
  "unavailable",
  "rate_limited",
  "circuit_open",
]);

export class Mem0Error extends Error {
  override readonly name = "Mem0Error";
  readonly kind: Mem0ErrorKind;
  readonly status?: number;
  readonly detail?: string;
  readonly code?: string;
  readonly requestId?: string;
  readonly retryable: boolean;
  readonly retryAfterMs?: number;
  readonly field?: string;
  readonly causeCode?: string;

  constructor(init: Mem0ErrorInit) {
    super(init.message);
    this.kind = init.kind;
    this.retryable = init.retryable ?? TRANSIENT.has(init.kind);
    // Assigned only when present so that `toEqual` comparisons and JSON logs stay free of undefined noise.
    if (init.status !== undefined) this.status = init.status;
    if (init.detail !== undefined) this.detail = init.detail;
    if (init.code !== undefined) this.code = init.code;
    if (init.requestId !== undefined) this.requestId = init.requestId;
    if (init.retryAfterMs !== undefined) this.retryAfterMs = init.retryAfterMs;
    if (init.field !== undefined) this.field = init.field;
    if (init.causeCode !== undefined) this.causeCode = init.causeCode;
  }

  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      kind: this.kind,
      message: this.message,
      status: this.status,
      detail: this.detail,
      code: this.code,
      requestId: this.requestId,
      retryable: this.retryable,
      retryAfterMs: this.retryAfterMs,
      field: this.field,
      causeCode: this.causeCode,
    };
  }
}

export function isMem0Error(e: unknown): e is Mem0Error {
  return e instanceof Mem0Error;
}

export function validationError(field: string, message: string): Mem0Error {
  return new Mem0Error({ kind: "validation", field, message: `${field}: ${message}`, retryable: false });
}

const REDACTED = "[redacted]";

/**
 * Returns the error with every occurrence of a secret replaced. mem0 has been seen echoing credentials in
 * `detail` strings, so nothing that came off the wire is trusted to be clean; this runs at the client's one
 * exit point for errors.
 */
export function redactError(err: Mem0Error, secrets: readonly string[]): Mem0Error {
  const live = secrets.filter((s) => s.length >= 4);
  if (live.length === 0) return err;
  const fields = err.toJSON();
  let dirty = false;
  // Every string field: message, detail, code, field (a 422 `loc` can name a header), requestId...
  for (const [k, v] of Object.entries(fields)) {
    if (typeof v !== "string") continue;
    const clean = redactText(v, live);
    if (clean !== v) {
      fields[k] = clean;
      dirty = true;
    }
  }
  if (!dirty) return err;
  const clean = new Mem0Error(fields as unknown as Mem0ErrorInit);
  // The stack was captured with the dirty message in its first line.
  clean.stack = `Mem0Error: ${clean.message}\n${(err.stack ?? "").split("\n").slice(1).join("\n")}`;
  return clean;
}

export function redactText(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) if (s.length >= 4 && out.includes(s)) out = out.split(s).join(REDACTED);
  return out;
}
