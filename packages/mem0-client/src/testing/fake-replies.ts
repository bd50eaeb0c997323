/** Reply helpers shared by the two fakes: the self-hosted server's exact error bodies and item shapes. */
import { randomBytes } from "node:crypto";
import type { FakeRecord } from "./fake-store.js";
import type { StubReply } from "./stub-types.js";

/** The server's request id: 8 hex chars (mem0-contract §1.1). */
export const shortRequestId = () => randomBytes(4).toString("hex");

export const json = (status: number, body: unknown, headers?: Record<string, string>): StubReply => ({
  status,
  body,
  headers,
});
export const detail = (status: number, message: string) => json(status, { detail: message });
export const notFoundRoute = () => detail(404, "Not Found");

/** FastAPI / Pydantic v2 validation failure. */
export const unprocessable = (loc: (string | number)[], type: string, msg: string, input: unknown) =>
  json(422, { detail: [{ type, loc, msg, input }] });

/** `server/errors.py` UpstreamError: 502 with code and request id in the body and the header. */
export const upstream = (message: string, code: string, requestId: string) =>
  json(502, { detail: message, code, request_id: requestId }, { "x-request-id": requestId });

/** Base + promoted keys, in the server's key order (mem0-contract §1.5). */
export function serverItem(rec: FakeRecord, score?: number | null): Record<string, unknown> {
  const meta = Object.keys(rec.metadata).length > 0 ? { ...rec.metadata } : null;
  const item: Record<string, unknown> = { id: rec.id, memory: rec.memory, hash: rec.hash, metadata: meta };
  if (score !== undefined) item.score = score;
  item.created_at = rec.created_at;
  item.updated_at = rec.updated_at;
  for (const k of ["user_id", "agent_id", "run_id", "role", "expiration_date"] as const) {
    if (rec[k] !== undefined) item[k] = rec[k];
  }
  return item;
}

export function hasWhitespace(v: unknown): boolean {
  return typeof v === "string" && /\s/.test(v);
}
