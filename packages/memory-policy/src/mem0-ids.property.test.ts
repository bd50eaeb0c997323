import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseMem0Id, scopeFromMem0Ids, toMem0Ids } from "./mem0-ids.js";
import { canonicalRawId, parseRawId } from "./raw-id.js";
import { type Scope, scopeSchema } from "./scope.js";
import { rawIdArb, scopeArb, scopePairArb, underscoredIdArb } from "./test-arbitraries.js";

// Thousands of cases; each is a few microseconds, so this stays well under a second.
const RUNS = { numRuns: 5000 };

/** The tenant a scope denotes: its canonical form (what the policy treats as identity). */
function canonical(scope: Scope): Scope {
  return scopeSchema.parse(scope);
}

describe("mem0 id mapping (property-based)", () => {
  it("is injective: two scopes share mem0 ids exactly when they are the same canonical tenant", () => {
    fc.assert(
      fc.property(fc.oneof(scopePairArb, fc.tuple(scopeArb, scopeArb)), ([a, b]) => {
        const sameIds = JSON.stringify(toMem0Ids(a)) === JSON.stringify(toMem0Ids(b));
        const sameTenant = JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
        expect(sameIds).toBe(sameTenant);
      }),
      RUNS,
    );
  });

  it("no two distinct single ids collide across kinds or workspaces", () => {
    const idArb = fc.record({ w: rawIdArb, kind: fc.constantFrom("user", "agent", "run"), id: rawIdArb });
    fc.assert(
      fc.property(idArb, idArb, (x, y) => {
        const map = (t: typeof x) => {
          const scope = {
            user: { kind: "user", workspaceId: t.w, userId: t.id },
            agent: { kind: "agent", workspaceId: t.w, agentId: t.id },
            run: { kind: "run", workspaceId: t.w, runId: t.id },
          }[t.kind] as Scope;
          return Object.values(toMem0Ids(scope))[0];
        };
        const same =
          canonicalRawId(x.w) === canonicalRawId(y.w) &&
          x.kind === y.kind &&
          canonicalRawId(x.id) === canonicalRawId(y.id);
        expect(map(x) === map(y)).toBe(same);
      }),
      RUNS,
    );
  });

  it("parse . map = identity (on canonical tenants)", () => {
    fc.assert(
      fc.property(scopeArb, (scope) => {
        expect(scopeFromMem0Ids(toMem0Ids(scope))).toEqual({ ok: true, value: canonical(scope) });
      }),
      RUNS,
    );
  });

  it("map . parse = identity on every mem0 id that parses", () => {
    const candidate = fc.oneof(
      scopeArb.map((s) => Object.values(toMem0Ids(s))[0] as string),
      fc.stringMatching(/^workspace_[A-Za-z0-9_-]{1,20}_(user|agent|run)_[A-Za-z0-9_-]{1,20}$/),
    );
    fc.assert(
      fc.property(candidate, (id) => {
        const parsed = parseMem0Id(id);
        if (parsed.ok)
          expect(`workspace_${parsed.value.workspaceId}_${parsed.value.kind}_${parsed.value.id}`).toBe(id);
      }),
      RUNS,
    );
  });

  it("every id containing the separator is refused by the grammar, naming the field", () => {
    fc.assert(
      fc.property(underscoredIdArb, (id) => {
        expect(parseRawId("workspaceId", id)).toMatchObject({
          ok: false,
          error: { code: "INVALID_ID", field: "workspaceId" },
        });
      }),
      RUNS,
    );
  });

  it("the same UUID in any letter case maps to one mem0 id (UUIDs are case-insensitive)", () => {
    fc.assert(
      fc.property(fc.uuid(), fc.uuid(), (w, u) => {
        const lower = toMem0Ids({ kind: "user", workspaceId: w, userId: u });
        expect(toMem0Ids({ kind: "user", workspaceId: w.toUpperCase(), userId: u.toUpperCase() })).toEqual(
          lower,
        );
        expect(lower.user_id).toBe(`workspace_${w.toLowerCase()}_user_${u.toLowerCase()}`);
      }),
      RUNS,
    );
  });

  it("non-UUID ids that differ only in case are different tenants (slugs are case-sensitive)", () => {
    const slug = fc.stringMatching(/^[a-z][a-z0-9-]{0,20}$/).filter((id) => !/^[0-9a-f-]{36}$/.test(id));
    fc.assert(
      fc.property(slug, (id) => {
        const lower = toMem0Ids({ kind: "agent", workspaceId: "1", agentId: id });
        const upper = toMem0Ids({ kind: "agent", workspaceId: "1", agentId: id.toUpperCase() });
        expect(lower.agent_id).not.toBe(upper.agent_id);
      }),
      RUNS,
    );
  });
});
