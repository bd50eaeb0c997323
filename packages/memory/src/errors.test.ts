import { OutboxConflictError } from "@automatos/db";
import { Mem0Error } from "@automatos/mem0-client";
import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { policyError, toTRPCError } from "./errors.js";

describe("toTRPCError", () => {
  const mem0 = (kind: ConstructorParameters<typeof Mem0Error>[0]["kind"]) =>
    new Mem0Error({ kind, message: `upstream said: key sk-secret at http://10.0.0.1`, detail: "sk-secret" });
  const cases: { name: string; error: unknown; code: string }[] = [
    { name: "mem0 timeout", error: mem0("timeout"), code: "TIMEOUT" },
    { name: "mem0 unavailable", error: mem0("unavailable"), code: "SERVICE_UNAVAILABLE" },
    { name: "circuit open", error: mem0("circuit_open"), code: "SERVICE_UNAVAILABLE" },
    { name: "upstream 5xx", error: mem0("upstream"), code: "BAD_GATEWAY" },
    { name: "bad response", error: mem0("bad_response"), code: "BAD_GATEWAY" },
    { name: "mem0 rejects our key", error: mem0("auth"), code: "BAD_GATEWAY" },
    { name: "rate limited", error: mem0("rate_limited"), code: "TOO_MANY_REQUESTS" },
    { name: "not found", error: mem0("not_found"), code: "NOT_FOUND" },
    { name: "mem0 validation", error: mem0("validation"), code: "BAD_REQUEST" },
    { name: "caller aborted", error: mem0("aborted"), code: "CLIENT_CLOSED_REQUEST" },
    {
      name: "outbox idempotency conflict",
      error: new OutboxConflictError("remember:abc", "job-1"),
      code: "CONFLICT",
    },
    { name: "an AbortSignal timeout", error: new DOMException("t", "TimeoutError"), code: "TIMEOUT" },
    {
      name: "anything else",
      error: new Error("pg: password authentication failed for sk-secret"),
      code: "INTERNAL_SERVER_ERROR",
    },
    {
      name: "tRPC's wrapper around a thrown mem0 error",
      error: new TRPCError({ code: "INTERNAL_SERVER_ERROR", cause: mem0("timeout") }),
      code: "TIMEOUT",
    },
    {
      name: "a TRPCError stays itself",
      error: new TRPCError({ code: "FORBIDDEN", message: "x" }),
      code: "FORBIDDEN",
    },
  ];
  for (const c of cases) {
    it(`${c.name} -> ${c.code}, keeps the cause, leaks nothing`, () => {
      const mapped = toTRPCError(c.error);
      expect(mapped.code).toBe(c.code);
      expect(mapped.message).not.toMatch(/sk-secret|10\.0\.0\.1|password|job-1/);
      if (!(c.error instanceof TRPCError)) expect(mapped.cause).toBe(c.error);
    });
  }
});

describe("policyError", () => {
  it("maps policy codes and names the field", () => {
    expect(
      policyError({ code: "INVALID_FILTER", field: "filters.user_id", message: "is reserved" }),
    ).toMatchObject({
      code: "BAD_REQUEST",
      message: "filters.user_id: is reserved",
    });
    expect(
      policyError({
        code: "FORBIDDEN_SCOPE",
        field: "kind",
        message: 'app "chatbot" may not read scope "agent"',
      }).code,
    ).toBe("FORBIDDEN");
    expect(policyError({ code: "NOT_FOUND", message: "memory not found" }).code).toBe("NOT_FOUND");
    expect(policyError({ code: "INVALID_PRINCIPAL", field: "agentId", message: "missing" }).code).toBe(
      "UNAUTHORIZED",
    );
  });
});
