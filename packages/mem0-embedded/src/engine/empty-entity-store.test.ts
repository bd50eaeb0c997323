import { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { shortcutEmptyEntityStore, unusedVector } from "./empty-entity-store.js";

let db: PGlite;
beforeAll(async () => {
  db = await PGlite.create();
  await db.exec('CREATE TABLE "ents" (id int)');
});
afterAll(() => db?.close());

function fakeStore() {
  const calls: string[] = [];
  return {
    calls,
    store: {
      search: async (..._args: unknown[]) => {
        calls.push("search");
        return [{ id: "real" }];
      },
      insert: async () => {
        calls.push("insert");
      },
    },
  };
}

describe("shortcutEmptyEntityStore", () => {
  it("answers [] without querying while the table is empty, and queries again after the first insert", async () => {
    const { store, calls } = fakeStore();
    await shortcutEmptyEntityStore(store, db, "ents");
    expect(await store.search()).toEqual([]);
    expect(calls).toEqual([]);
    await store.insert();
    expect(await store.search()).toEqual([{ id: "real" }]);
    expect(calls).toEqual(["insert", "search"]);
  });

  it("answers [] for a placeholder vector even after the first insert, and reports the table's state", async () => {
    const { store, calls } = fakeStore();
    const entities = await shortcutEmptyEntityStore(store, db, "ents");
    expect(entities.isEmpty()).toBe(true);
    const placeholder = unusedVector(4);
    await store.insert();
    expect(entities.isEmpty()).toBe(false);
    expect(await store.search(placeholder, 500, {})).toEqual([]);
    expect(await store.search([0, 0, 0, 0], 500, {})).toEqual([{ id: "real" }]);
    expect(calls).toEqual(["insert", "search"]);
  });

  it("never shortcuts a table that already has rows", async () => {
    await db.exec('INSERT INTO "ents" VALUES (1)');
    const { store, calls } = fakeStore();
    await shortcutEmptyEntityStore(store, db, "ents");
    expect(await store.search()).toEqual([{ id: "real" }]);
    expect(calls).toEqual(["search"]);
  });
});
