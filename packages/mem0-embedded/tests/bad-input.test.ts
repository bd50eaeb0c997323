/**
 * Garbage in, a documented 4xx out, never a crash: seeded random JSON values (and near-valid bodies with one
 * field replaced by garbage) against every endpoint that takes input. A 502 is allowed only where the
 * Python server also answers one (a non-UUID memory id, engine ValueErrors on GET /memories).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rng } from "../bench/synthetic-corpus.js";
import { call, startTestServer, type TestServer } from "../src/testing/test-server.js";

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s?.dispose());

function garbage(r: () => number, depth = 0): unknown {
  const pick = Math.floor(r() * (depth > 2 ? 7 : 9));
  switch (pick) {
    case 0:
      return null;
    case 1:
      return r() < 0.5;
    case 2:
      return Math.floor((r() - 0.5) * 1e6) / (r() < 0.5 ? 1 : 7);
    case 3:
      return "";
    case 4:
      return ["user", " a b ", "x".repeat(Math.floor(r() * 40)), "ü\u0000\n", "2026-13-40", "*", "__proto__"][
        Math.floor(r() * 7)
      ];
    case 5:
      return Number.MAX_SAFE_INTEGER;
    case 6:
      return "  \t ";
    case 7:
      return Array.from({ length: Math.floor(r() * 3) }, () => garbage(r, depth + 1));
    default: {
      const keys = [
        "messages",
        "role",
        "content",
        "user_id",
        "filters",
        "query",
        "top_k",
        "text",
        "metadata",
        "eq",
        "in",
        "AND",
        "x",
      ];
      return Object.fromEntries(
        Array.from({ length: Math.floor(r() * 4) }, () => [
          keys[Math.floor(r() * keys.length)],
          garbage(r, depth + 1),
        ]),
      );
    }
  }
}

const VALID: Record<string, Record<string, unknown>> = {
  "POST /memories": { messages: [{ role: "user", content: "fuzz" }], user_id: "fuzz-user", infer: false },
  "POST /search": { query: "fuzz", filters: { user_id: "fuzz-user" }, top_k: 5 },
  "PUT /memories/00000000-0000-4000-8000-000000000000": { text: "x", metadata: { a: 1 } },
};

describe("bad input never crashes the server", () => {
  it.each(Object.keys(VALID))("%s: 150 random bodies get 2xx/4xx with a detail", async (route) => {
    const [method, path] = route.split(" ") as [string, string];
    const r = rng(route.length * 7919);
    const valid = VALID[route] as Record<string, unknown>;
    const keys = Object.keys(valid);
    const seen = new Set<number>();
    for (let i = 0; i < 150; i++) {
      const body =
        i % 2 === 0 ? garbage(r) : { ...valid, [keys[Math.floor(r() * keys.length)] as string]: garbage(r) };
      const res = await call(s, method, path, { body: JSON.stringify(body) });
      expect(res.status, `${route} with ${JSON.stringify(body)}`).toBeLessThan(500);
      if (res.status >= 400) expect(res.body, JSON.stringify(body)).toHaveProperty("detail");
      seen.add(res.status);
    }
    // The generator must reach past the schema into the engine's own checks, not only bounce off as 422.
    expect([...seen]).toEqual(expect.arrayContaining([422, route.startsWith("PUT") ? 404 : 200, 400]));
  });

  it("random query strings on GET /memories and random ids get documented answers", async () => {
    const r = rng(17);
    for (let i = 0; i < 80; i++) {
      const params = new URLSearchParams();
      for (const k of ["user_id", "agent_id", "top_k", "show_expired"])
        if (r() < 0.6) params.set(k, String(garbage(r)));
      const res = await call(s, "GET", `/memories?${params}`);
      expect([200, 400, 422, 502]).toContain(res.status);
      const id = encodeURIComponent(String(garbage(r)));
      const got = await call(s, "GET", `/memories/${id}`);
      expect([200, 404, 502]).toContain(got.status);
    }
    expect((await call(s, "GET", "/auth/setup-status")).status).toBe(200);
  });
});
