import { describe, expect, it } from "vitest";
import { DeliveryTimeoutError, toAddRequest } from "./deliver.js";
import { followsAmbiguousAttempt, isAmbiguousFailure, JOB_MARKER_KEY, markerLookup } from "./job-marker.js";

const row = {
  id: "9d1c2f7e-0000-4000-8000-000000000001",
  userId: "workspace_w1_user_u1",
  agentId: null,
  runId: "workspace_w1_run_r1",
  payload: {
    messages: [
      { role: "system", content: "be brief" },
      { role: "user", content: "I keep bees" },
    ],
    metadata: { topic: "hobby", [JOB_MARKER_KEY]: "forged" },
  },
};

describe("job marker", () => {
  it("puts the job id in the add's metadata, over any value the client sent", () => {
    expect(toAddRequest(row).metadata).toEqual({ topic: "hobby", [JOB_MARKER_KEY]: row.id });
    expect(toAddRequest({ ...row, payload: { messages: row.payload.messages } }).metadata).toEqual({
      [JOB_MARKER_KEY]: row.id,
    });
  });

  it.each([
    [{ kind: "timeout", causeCode: "DEADLINE" }, true],
    [new DeliveryTimeoutError(100), true],
    [{ kind: "unavailable", causeCode: "UND_ERR_SOCKET" }, true],
    [{ kind: "unavailable", causeCode: "ECONNRESET" }, true],
    [{ kind: "upstream", status: 502 }, true],
    [{ kind: "unavailable", status: 503 }, true],
    [{ kind: "bad_response" }, true],
    [new Error("something else"), true],
    [{ kind: "unavailable", causeCode: "ECONNREFUSED" }, false],
    [{ kind: "timeout", causeCode: "UND_ERR_CONNECT_TIMEOUT" }, false],
    [{ kind: "rate_limited", status: 429 }, false],
    [{ kind: "auth", status: 401 }, false],
    [{ kind: "validation", status: 422 }, false],
    [{ kind: "circuit_open" }, false],
  ])("classifies %o as ambiguous: %s", (error, expected) => {
    expect(isAmbiguousFailure(error)).toBe(expected);
  });

  it("looks only after an attempt that may have landed", () => {
    expect(followsAmbiguousAttempt({ attempts: 1, lastError: null })).toBe(false);
    expect(followsAmbiguousAttempt({ attempts: 2, lastError: "ambiguous: DeliveryTimeoutError" })).toBe(true);
    expect(
      followsAmbiguousAttempt({
        attempts: 3,
        lastError: "lease of relay r1 expired before it settled the delivery",
      }),
    ).toBe(true);
    expect(followsAmbiguousAttempt({ attempts: 2, lastError: "Mem0Error [unavailable]: ECONNREFUSED" })).toBe(
      false,
    );
  });

  it("searches the job's scope for its marker with its first non-system text", () => {
    expect(markerLookup(row)).toEqual({
      userId: row.userId,
      runId: row.runId,
      metadata: { [JOB_MARKER_KEY]: row.id },
      query: "I keep bees",
    });
    expect(markerLookup({ ...row, payload: { messages: [{ role: "system", content: "x" }] } })).toBeNull();
  });
});
