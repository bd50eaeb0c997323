import { describe, expect, it } from "vitest";
import { FaultList } from "./stub-faults.js";
import type { StubRequest } from "./stub-types.js";

const req = (method: string, path: string, body?: unknown): StubRequest => ({
  method,
  path,
  query: new URLSearchParams(),
  headers: {},
  rawBody: "",
  body,
});

describe("FaultList", () => {
  it("answers scripted replies in order, then lets requests through", () => {
    const f = new FaultList();
    f.inject({ path: "/search", replies: [{ status: 500 }, { status: 503 }] });
    expect(f.take(req("POST", "/search"))?.status).toBe(500);
    expect(f.take(req("POST", "/search"))?.status).toBe(503);
    expect(f.take(req("POST", "/search"))).toBeUndefined();
  });

  it("matches on method and on a path pattern", () => {
    const f = new FaultList();
    f.inject({ method: "DELETE", path: /^\/memories\//, replies: [{ status: 404 }] });
    expect(f.take(req("GET", "/memories/x"))).toBeUndefined();
    expect(f.take(req("DELETE", "/memory"))).toBeUndefined();
    expect(f.take(req("DELETE", "/memories/x"))?.status).toBe(404);
  });

  it("keeps a standing fault until cleared; undefined from it lets the request through", () => {
    const f = new FaultList();
    f.inject({
      path: "/memories",
      reply: (r) => ((r.body as { poison?: boolean })?.poison ? { status: 400 } : undefined),
    });
    expect(f.take(req("POST", "/memories", { poison: true }))?.status).toBe(400);
    expect(f.take(req("POST", "/memories", { poison: true }))?.status).toBe(400);
    expect(f.take(req("POST", "/memories", {}))).toBeUndefined();
    f.clear();
    expect(f.take(req("POST", "/memories", { poison: true }))).toBeUndefined();
  });

  it("needs exactly one of replies or reply", () => {
    const f = new FaultList();
    expect(() => f.inject({ path: "/x" })).toThrow(/exactly one/);
    expect(() => f.inject({ path: "/x", replies: [], reply: () => undefined })).toThrow(/exactly one/);
  });
});
