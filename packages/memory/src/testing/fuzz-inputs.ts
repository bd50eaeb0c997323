/**
 * Input generators for R4: for each procedure, inputs that are valid, valid-but-mutated (one field replaced
 * by anything, an unknown key added, a required key removed), edge values near every limit, and arbitrary
 * values of any shape. Valid inputs reach the real mem0, so both accepting and rejecting paths run.
 */
import fc from "fast-check";

type Field = { valid: fc.Arbitrary<unknown>; required?: boolean };
type Shape = Record<string, Field>;

/** Strings PostgreSQL (so mem0) cannot store: they must be refused as BAD_REQUEST, never reach mem0. */
const unstorable = fc.constantFrom("\u0000", "a\u0000b", "\ud800", "x\udc00", "\udbff\udbff", "ok \ud83d");

const text = (max: number) =>
  fc.oneof(
    { arbitrary: fc.string({ maxLength: Math.min(max, 80) }), weight: 4 },
    { arbitrary: unstorable, weight: 1 },
    { arbitrary: fc.string({ unit: "grapheme", maxLength: 40 }), weight: 2 },
    { arbitrary: fc.string({ unit: "binary", maxLength: 40 }), weight: 1 },
    { arbitrary: fc.string({ minLength: max - 2, maxLength: max + 3 }), weight: 1 },
  );

const int = (min: number, max: number) =>
  fc.oneof(
    { arbitrary: fc.integer({ min, max }), weight: 4 },
    {
      arbitrary: fc.constantFrom(min - 1, max + 1, 0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53),
      weight: 1,
    },
  );

const scopeKind = fc.oneof(
  { arbitrary: fc.constant("user"), weight: 4 },
  { arbitrary: fc.constantFrom("agent", "agent-user", "run", "USER", "", "workspace"), weight: 1 },
);

const jsonLeaf = fc.oneof(
  fc.string({ maxLength: 20 }),
  unstorable,
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.double(),
);
const metadataKey = fc.oneof(
  { arbitrary: fc.stringMatching(/^[a-z][a-z0-9_]{0,10}$/), weight: 4 },
  {
    arbitrary: fc.constantFrom(
      "user_id",
      "data",
      "__proto__",
      "constructor",
      "",
      "1abc",
      "a".repeat(70),
      "OR",
    ),
    weight: 1,
  },
);
const metadata = fc.oneof(
  { arbitrary: fc.dictionary(metadataKey, jsonLeaf, { maxKeys: 5 }), weight: 4 },
  { arbitrary: fc.dictionary(metadataKey, fc.jsonValue({ maxDepth: 5 }), { maxKeys: 40 }), weight: 1 },
);
const filters = fc.dictionary(
  metadataKey,
  fc.oneof(fc.string({ maxLength: 300 }), unstorable, fc.integer(), fc.boolean(), fc.constant("*")),
  {
    maxKeys: 20,
  },
);

const message = fc.record({
  role: fc.oneof(
    { arbitrary: fc.constantFrom("user", "assistant"), weight: 5 },
    { arbitrary: fc.constantFrom("system", "tool", ""), weight: 1 },
  ),
  content: text(8_000),
});
const messages = fc.oneof(
  { arbitrary: fc.array(message, { minLength: 1, maxLength: 3 }), weight: 5 },
  { arbitrary: fc.array(message, { minLength: 0, maxLength: 52 }), weight: 1 },
);

const uuid = fc.uuid();
const idempotencyKey = fc.oneof(fc.stringMatching(/^[A-Za-z0-9._:-]{8,40}$/), text(130));

/** valid | mutated | anything, in a mix where each part is well represented over 1,000 runs. */
export function fuzzInput(shape: Shape, extraValid: fc.Arbitrary<unknown>[] = []): fc.Arbitrary<unknown> {
  const keys = Object.keys(shape);
  const model = Object.fromEntries(keys.map((k) => [k, (shape[k] as Field).valid]));
  const requiredKeys = keys.filter((k) => shape[k]?.required);
  const valid = fc.record(model, { requiredKeys });
  const replaced = fc
    .tuple(valid, fc.constantFrom(...keys, "unexpected", "__proto__"), fc.anything({ maxDepth: 3 }))
    .map(([v, k, x]) => ({ ...(v as object), [k]: x }));
  const dropped = fc.tuple(valid, fc.constantFrom(...keys)).map(([v, k]) => {
    const copy = { ...(v as Record<string, unknown>) };
    delete copy[k];
    return copy;
  });
  return fc.oneof(
    { arbitrary: valid, weight: 5 },
    { arbitrary: replaced, weight: 3 },
    { arbitrary: dropped, weight: 1 },
    { arbitrary: fc.anything({ maxDepth: 3 }), weight: 1 },
    ...extraValid.map((arbitrary) => ({ arbitrary, weight: 1 })),
  );
}

export function procedureInputs(ids: { own: string[]; foreign: string[] }) {
  const memoryId = fc.oneof(
    { arbitrary: uuid, weight: 4 },
    { arbitrary: fc.constantFrom(...ids.own, ...ids.foreign), weight: 2 },
    { arbitrary: text(40), weight: 1 },
  );
  return {
    recall: fuzzInput({
      query: { valid: text(8_000), required: true },
      scopes: { valid: fc.array(scopeKind, { maxLength: 5 }) },
      maxMemories: { valid: int(1, 50) },
      tokenBudget: { valid: int(50, 8_000) },
      timeBudgetMs: { valid: int(10, 5_000) },
      filters: { valid: filters },
    }),
    search: fuzzInput({
      query: { valid: text(2_000), required: true },
      scopes: { valid: fc.array(scopeKind, { maxLength: 5 }) },
      topK: { valid: int(1, 100) },
      threshold: { valid: fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.double()) },
      filters: { valid: filters },
    }),
    remember: fuzzInput({
      messages: { valid: messages, required: true },
      scope: { valid: scopeKind },
      metadata: { valid: metadata },
      idempotencyKey: { valid: idempotencyKey },
      infer: { valid: fc.boolean() },
    }),
    add: fuzzInput({
      messages: { valid: messages, required: true },
      scope: { valid: scopeKind },
      metadata: { valid: metadata },
      infer: { valid: fc.boolean() },
    }),
    list: fuzzInput(
      { scopes: { valid: fc.array(scopeKind, { maxLength: 5 }) }, limit: { valid: int(1, 1_000) } },
      [fc.constant(undefined)],
    ),
    get: fuzzInput({ id: { valid: memoryId, required: true } }),
    update: fuzzInput({
      id: { valid: memoryId, required: true },
      text: { valid: text(8_000) },
      metadata: { valid: metadata },
    }),
    delete: fuzzInput({ id: { valid: memoryId, required: true } }),
    history: fuzzInput({ id: { valid: memoryId, required: true } }),
    forget: fc.oneof(
      fuzzInput({
        kind: { valid: fc.constant("scope"), required: true },
        scope: { valid: scopeKind, required: true },
      }),
      fuzzInput({
        kind: { valid: fc.constantFrom("user", "workspace"), required: true },
        workspaceId: { valid: fc.oneof(fc.constantFrom("w1", "w2"), text(70)), required: true },
        userId: { valid: fc.oneof(fc.constantFrom("alice", "bob", "1_user_2"), text(70)) },
      }),
    ),
    health: fc.oneof(fc.constant(undefined), fc.anything({ maxDepth: 2 })),
  };
}
