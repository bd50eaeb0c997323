import { randomUUID } from "node:crypto";

// A caller's id is reused only when it is short and plain: it is echoed into logs and to mem0's X-Request-ID,
// so it must not be a vector for log injection or header tricks.
const ACCEPTABLE = /^[A-Za-z0-9._:-]{1,128}$/;

/** The request id for this request: the caller's `x-request-id` when acceptable, else a fresh UUID. */
export function acceptRequestId(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value !== undefined && ACCEPTABLE.test(value) ? value : randomUUID();
}
