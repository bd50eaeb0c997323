import { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { anchorText, jsonText, scopeConditions } from "./scope-conditions.js";

describe("scopeConditions", () => {
  it("translates plain equality filters the way mem0's pgvector store does", () => {
    const s = scopeConditions({ user_id: "u1", pinned: true, n: 3, tags: ["a", 2] }, 2);
    expect(s?.sql).toBe(
      "payload->>'n' = $2 AND payload->>'pinned' = $3 AND payload->>'tags' = ANY($4::text[]) AND payload->>'user_id' = $5",
    );
    expect(s?.params).toEqual(["3", "true", ["a", "2"], "u1"]);
  });

  it("gives the same cache key whatever the key order", () => {
    expect(scopeConditions({ a: "1", b: "2" }, 1)?.key).toBe(scopeConditions({ b: "2", a: "1" }, 1)?.key);
  });

  it("anchors on one single-valued condition that every matching payload meets, none for lists only", () => {
    const scope = scopeConditions({ user_id: "u1", agent_id: 7, tags: ["a", "b"] }, 1);
    expect(scope?.anchor).toBe(anchorText("agent_id", "7"));
    const payload = { user_id: "u1", agent_id: 7, tags: "a" };
    expect(scope?.matches(payload)).toBe(true);
    expect(anchorText("agent_id", jsonText(payload.agent_id) as string)).toBe(scope?.anchor);
    expect(scopeConditions({ pinned: true }, 1)?.anchor).toBe(anchorText("pinned", "true"));
    expect(scopeConditions({ user_id: ["u1", "u2"] }, 1)?.anchor).toBeNull();
  });

  it("declines operators, wildcards, unsafe keys and empty filters", () => {
    for (const filters of [
      { user_id: "u", $or: [{ a: "1" }] },
      { user_id: "u", score: { gte: 3 } },
      { user_id: "u", topic: "*" },
      { "bad key": "x" },
      {},
      undefined,
    ])
      expect(scopeConditions(filters as Record<string, unknown> | undefined, 1)).toBeNull();
  });
});

describe("scopeConditions(...).matches", () => {
  const payloads: Record<string, unknown>[] = [
    { user_id: "u1", agent_id: "a1", n: 3, pinned: true },
    { user_id: "u1", agent_id: "a2", n: "3", pinned: false },
    { user_id: "u2", n: 4 },
    { user_id: "u1", tags: ["x"] },
    { agent_id: "a1" },
    { user_id: null },
  ];
  const filters: Record<string, unknown>[] = [
    { user_id: "u1" },
    { user_id: "u1", agent_id: "a1" },
    { n: 3 },
    { pinned: true },
    { agent_id: ["a1", "a2"] },
    { user_id: ["u2", 5] },
  ];
  let db: PGlite;
  beforeAll(async () => {
    db = await PGlite.create();
    await db.exec("CREATE TABLE t (i int, payload jsonb)");
    for (const [i, p] of payloads.entries()) await db.query("INSERT INTO t VALUES ($1, $2)", [i, p]);
  });
  afterAll(() => db?.close());

  it("selects exactly the rows PostgreSQL selects with the SQL half", async () => {
    for (const f of filters) {
      const scope = scopeConditions(f, 1);
      if (!scope) throw new Error(`no scope for ${JSON.stringify(f)}`);
      const { rows } = await db.query<{ i: number }>(
        `SELECT i FROM t WHERE ${scope.sql} ORDER BY i`,
        scope.params,
      );
      const inJs = payloads.flatMap((p, i) => (scope.matches(p) ? [i] : []));
      expect(inJs, JSON.stringify(f)).toEqual(rows.map((r) => r.i));
    }
  });
});
