import { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HttpError } from "../http-error.js";
import {
  ensureJobKeyIndexes,
  findJobMemories,
  isUniqueViolation,
  JOB_KEY,
  JOB_PART,
  jobKeyOf,
} from "./job-key.js";

describe("jobKeyOf", () => {
  it("reads the key and refuses a malformed one naming the field", () => {
    expect(jobKeyOf(undefined)).toBeUndefined();
    expect(jobKeyOf({ other: 1 })).toBeUndefined();
    expect(jobKeyOf({ [JOB_KEY]: "job-1" })).toBe("job-1");
    for (const bad of [{ [JOB_KEY]: "" }, { [JOB_KEY]: 7 }, { [JOB_KEY]: "x".repeat(201) }]) {
      const err = (() => {
        try {
          jobKeyOf(bad);
        } catch (e) {
          return e;
        }
      })();
      expect(err).toBeInstanceOf(HttpError);
      expect((err as HttpError).status).toBe(400);
      expect(JSON.stringify((err as HttpError).body)).toContain(`metadata.${JOB_KEY}`);
    }
    expect(() => jobKeyOf({ [JOB_KEY]: "k", [JOB_PART]: 0 })).toThrow(HttpError);
  });
});

describe("job-key indexes and lookup (real PGlite)", () => {
  const db = new PGlite();
  const store = {};
  const insert = (payload: Record<string, unknown>) =>
    db.query("INSERT INTO memories (id, payload) VALUES (gen_random_uuid(), $1)", [JSON.stringify(payload)]);
  beforeAll(async () => {
    await db.exec("CREATE TABLE memories (id uuid PRIMARY KEY, payload jsonb)");
    await ensureJobKeyIndexes(db, "memories", store);
    await ensureJobKeyIndexes(db, "memories", store); // once per store: no error the second time
  });
  afterAll(() => db.close());

  it("refuses a second memory for the same key, part and ids, and finds memories only in their exact scope", async () => {
    const base = { [JOB_KEY]: "job-1", user_id: "u1", data: "I keep bees", role: "user" };
    await insert({ ...base, [JOB_PART]: 0 });
    const dup = await insert({ ...base, [JOB_PART]: 0 }).catch((e: unknown) => e);
    expect(isUniqueViolation(dup)).toBe(true);
    expect(isUniqueViolation({ cause: dup })).toBe(true);
    expect(isUniqueViolation(new Error("other"))).toBe(false);
    // Same key in another scope, and another part: allowed.
    await insert({ ...base, user_id: "u2", [JOB_PART]: 0 });
    await insert({ ...base, data: "and wasps", [JOB_PART]: 1 });

    const found = await findJobMemories(db, "memories", "job-1", { user_id: "u1" });
    expect(found.map(({ memory, part, role }) => ({ memory, part, role }))).toEqual([
      { memory: "I keep bees", part: 0, role: "user" },
      { memory: "and wasps", part: 1, role: "user" },
    ]);
    expect(await findJobMemories(db, "memories", "job-1", { user_id: "u1", agent_id: "a" })).toEqual([]);
    expect(await findJobMemories(db, "memories", "job-2", { user_id: "u1" })).toEqual([]);
  });
});
