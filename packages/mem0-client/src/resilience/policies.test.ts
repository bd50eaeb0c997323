import { describe, expect, it } from "vitest";
import { Mem0Error, type Mem0ErrorInit } from "../errors.js";
import { autoRetryable, countsAsOutage } from "./policies.js";

const err = (init: Partial<Mem0ErrorInit>) => new Mem0Error({ kind: "upstream", message: "m", ...init });

describe("which failures are retried automatically (safe calls only)", () => {
  const table: [string, Partial<Mem0ErrorInit>, boolean][] = [
    ["network error", { kind: "unavailable", causeCode: "ECONNRESET" }, true],
    ["headers timeout", { kind: "timeout", causeCode: "UND_ERR_HEADERS_TIMEOUT" }, true],
    ["caller deadline", { kind: "timeout", causeCode: "DEADLINE" }, false],
    ["502", { kind: "upstream", status: 502, retryable: true }, true],
    ["502 provider_auth_failed", { kind: "upstream", status: 502, retryable: false }, false],
    ["503", { kind: "unavailable", status: 503 }, true],
    ["504", { kind: "timeout", status: 504 }, true],
    ["503 with Retry-After over the cap", { kind: "unavailable", status: 503, retryAfterMs: 60_000 }, false],
    ["500", { kind: "upstream", status: 500, retryable: false }, false],
    ["429", { kind: "rate_limited", status: 429 }, false],
    ["408", { kind: "timeout", status: 408 }, false],
    ["circuit open", { kind: "circuit_open" }, false],
    ["aborted", { kind: "aborted" }, false],
    ["bad response", { kind: "bad_response", status: 200 }, false],
  ];
  for (const [name, init, expected] of table) {
    it(`${name}: ${expected ? "retried" : "not retried"}`, () =>
      expect(autoRetryable(err(init), 2_000)).toBe(expected));
  }
  it("non-Mem0Errors are never retried", () => expect(autoRetryable(new Error("x"), 2_000)).toBe(false));
});

describe("which failures count towards the breaker", () => {
  const table: [string, Partial<Mem0ErrorInit>, boolean][] = [
    ["network error", { kind: "unavailable" }, true],
    ["timeout", { kind: "timeout" }, true],
    ["garbage body", { kind: "bad_response", status: 200 }, true],
    ["500", { kind: "upstream", status: 500 }, true],
    ["502 provider_rate_limited", { kind: "rate_limited", status: 502 }, true],
    ["404", { kind: "not_found", status: 404 }, false],
    ["401", { kind: "auth", status: 401 }, false],
    ["422", { kind: "validation", status: 422 }, false],
    ["429", { kind: "rate_limited", status: 429 }, false],
    ["aborted by the caller", { kind: "aborted" }, false],
  ];
  for (const [name, init, expected] of table) {
    it(`${name}: ${expected ? "counts" : "does not count"}`, () =>
      expect(countsAsOutage(err(init))).toBe(expected));
  }
});
