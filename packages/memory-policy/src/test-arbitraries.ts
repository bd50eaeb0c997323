import fc from "fast-check";
import type { Scope } from "./scope.js";

/** A UUID in random letter case: the same UUID must always land on the same mem0 id. */
const mixedCaseUuid = fc
  .tuple(fc.uuid(), fc.array(fc.boolean(), { minLength: 36, maxLength: 36 }))
  .map(([uuid, upper]) => [...uuid].map((ch, i) => (upper[i] ? ch.toUpperCase() : ch)).join(""));

/** Tiny alphabet: makes equal and near-equal ids (and thus would-be collisions) frequent. */
const tinyId = fc.string({ unit: fc.constantFrom("1", "2", "a", "A", "-"), minLength: 1, maxLength: 3 });

/** Any id the grammar accepts: UUIDs, integers, slugs, and small colliding ones. */
export const rawIdArb: fc.Arbitrary<string> = fc.oneof(
  mixedCaseUuid,
  fc.nat().map(String),
  fc.stringMatching(/^[A-Za-z0-9-]{1,64}$/),
  tinyId,
);

/** A tenant tuple of any scope kind, built from grammar-valid raw ids. */
export const scopeArb: fc.Arbitrary<Scope> = fc.oneof(
  fc.record({ kind: fc.constant("user" as const), workspaceId: rawIdArb, userId: rawIdArb }),
  fc.record({ kind: fc.constant("agent" as const), workspaceId: rawIdArb, agentId: rawIdArb }),
  fc.record({
    kind: fc.constant("agent-user" as const),
    workspaceId: rawIdArb,
    agentId: rawIdArb,
    userId: rawIdArb,
  }),
  fc.record({ kind: fc.constant("run" as const), workspaceId: rawIdArb, runId: rawIdArb }),
);

/** Strings that look like ids but carry the separator somewhere: the grammar must refuse all of them. */
export const underscoredIdArb: fc.Arbitrary<string> = fc
  .tuple(fc.stringMatching(/^[A-Za-z0-9_-]{0,30}$/), fc.stringMatching(/^[A-Za-z0-9_-]{0,30}$/))
  .map(([before, after]) => `${before}_${after}`);

function scopeOfKind(kind: Scope["kind"], pool: fc.Arbitrary<string>): fc.Arbitrary<Scope> {
  switch (kind) {
    case "user":
      return fc.record({ kind: fc.constant(kind), workspaceId: pool, userId: pool });
    case "agent":
      return fc.record({ kind: fc.constant(kind), workspaceId: pool, agentId: pool });
    case "agent-user":
      return fc.record({ kind: fc.constant(kind), workspaceId: pool, agentId: pool, userId: pool });
    case "run":
      return fc.record({ kind: fc.constant(kind), workspaceId: pool, runId: pool });
  }
}

const kindArb = fc.constantFrom("user", "agent", "agent-user", "run" as const);

/**
 * Two scopes drawn from one small pool of ids and their upper-case variants, usually of the same kind:
 * equal tenants, the same id in another slot, and the same UUID in another case all come up often, which
 * independent draws almost never produce.
 */
export const scopePairArb: fc.Arbitrary<[Scope, Scope]> = fc
  .tuple(fc.array(rawIdArb, { minLength: 1, maxLength: 2 }), kindArb, kindArb, fc.boolean())
  .chain(([ids, first, other, sameKind]) => {
    const pool = fc.constantFrom(...ids, ...ids.map((id) => id.toUpperCase()));
    return fc.tuple(scopeOfKind(first, pool), scopeOfKind(sameKind ? first : other, pool));
  });
