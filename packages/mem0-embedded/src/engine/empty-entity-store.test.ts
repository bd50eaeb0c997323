import { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { shortcutEmptyEntityStore } from "./empty-entity-store.js";

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
      search: async () => {
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

  it("never shortcuts a table that already has rows", async () => {
    await db.exec('INSERT INTO "ents" VALUES (1)');
    const { store, calls } = fakeStore();
    await shortcutEmptyEntityStore(store, db, "ents");
    expect(await store.search()).toEqual([{ id: "real" }]);
    expect(calls).toEqual(["search"]);
  });
});
