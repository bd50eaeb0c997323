import { describe, expect, it } from "vitest";
import { parseRetryAfter } from "./network-errors.js";
import { errorFromResponse, parseErrorBody } from "./status-errors.js";

const facts = (status: number, text = "") => ({
  method: "GET",
  path: "/x",
  status,
  text,
  sentRequestId: "sent-1",
});

describe("errorFromResponse classifies by status (and 502 code)", () => {
  const table: [number, string, string, boolean][] = [
    [400, "", "validation", false],
    [401, "", "auth", false],
    [403, "", "auth", false],
    [404, "", "not_found", false],
    [405, "", "validation", false],
    [408, "", "timeout", true],
    [409, "", "validation", false],
    [422, "", "validation", false],
    [429, "", "rate_limited", true],
    [500, "", "upstream", false],
    [502, '{"detail":"d","code":"unknown","request_id":"abcd1234"}', "upstream", true],
    [502, '{"detail":"d","code":"provider_rate_limited"}', "rate_limited", true],
    [502, '{"detail":"d","code":"provider_bad_request"}', "upstream", false],
    [503, "", "unavailable", true],
    [504, "", "timeout", true],
    [307, "", "bad_response", false],
  ];
  for (const [status, text, kind, retryable] of table) {
    it(`${status} ${text.slice(0, 40)} -> ${kind}`, () => {
      expect(errorFromResponse(facts(status, text))).toMatchObject({ kind, status, retryable });
    });
  }

  it("prefers the response's X-Request-ID, then the body's request_id, then the id we sent", () => {
    const body = '{"detail":"d","code":"unknown","request_id":"body0001"}';
    expect(errorFromResponse({ ...facts(502, body), responseRequestId: "head0001" }).requestId).toBe(
      "head0001",
    );
    expect(errorFromResponse(facts(502, body)).requestId).toBe("body0001");
    expect(errorFromResponse(facts(503)).requestId).toBe("sent-1");
  });
});

describe("parseErrorBody", () => {
  it("reads each documented shape", () => {
    expect(parseErrorBody('{"detail":"Memory with id x not found"}')).toEqual({
      detail: "Memory with id x not found",
    });
    expect(parseErrorBody('{"error":"Rate limit exceeded: 10 per 1 minute"}')).toEqual({
      detail: "Rate limit exceeded: 10 per 1 minute",
    });
    expect(parseErrorBody('{"error":"400 Bad Request","details":{"message":"m"}}')).toEqual({ detail: "m" });
    expect(
      parseErrorBody('{"detail":[{"loc":["body","messages"],"msg":"Field required","type":"missing"}]}'),
    ).toEqual({
      detail: "body.messages: Field required",
      field: "messages",
    });
    expect(parseErrorBody("Internal Server Error")).toEqual({ detail: "Internal Server Error" });
    expect(parseErrorBody("")).toEqual({});
    expect(parseErrorBody("x".repeat(1000)).detail?.length).toBe(301);
  });
});

describe("parseRetryAfter", () => {
  it("reads seconds and HTTP dates", () => {
    expect(parseRetryAfter("3")).toBe(3000);
    expect(
      parseRetryAfter("Wed, 21 Oct 2015 07:28:10 GMT", Date.parse("Wed, 21 Oct 2015 07:28:00 GMT")),
    ).toBe(10_000);
    expect(parseRetryAfter("soon")).toBeUndefined();
    expect(parseRetryAfter(undefined)).toBeUndefined();
  });
});
