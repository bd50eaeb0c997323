import { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { preparedStatement } from "./prepared-statement.js";

let db: PGlite;
beforeAll(async () => {
  db = await PGlite.create();
  await db.exec("CREATE TABLE notes (id text PRIMARY KEY, body text)");
});
afterAll(async () => {
  await db.close();
});

const echo = (name: string) =>
  preparedStatement(db, {
    name,
    types: ["text", "text[]"],
    text: "SELECT $1::text AS one, $2::text[] AS many, length($1) AS n",
  });

// What user text may hold: quotes of every kind, backslashes, dollar quoting, braces, SQL, newlines, unicode.
const HOSTILE = [
  "plain",
  "it's",
  "''",
  "\\",
  "\\'",
  "back\\slash and \\n",
  "$$ dollar $$",
  "$tag$ x $tag$",
  "'); DROP TABLE notes; --",
  "{a,b}",
  '"quoted"',
  '{"\\"}',
  "line\nbreak\ttab\r",
  "émoji 🦊 и עברית",
  "",
  "NULL",
];

describe("preparedStatement", () => {
  it("answers what a bound-parameter query answers, for hostile strings and arrays of them", async () => {
    const statement = echo("test_echo");
    for (const text of HOSTILE) {
      const many = [text, "x", text.toUpperCase()];
      const expected = (
        await db.query("SELECT $1::text AS one, $2::text[] AS many, length($1) AS n", [text, many])
      ).rows;
      expect(await statement.run([text, many])).toEqual(expected);
    }
    expect(await statement.run([null, []])).toEqual([{ one: null, many: [], n: null }]);
    // An array of another type (the lexeme statement's uuid[]) reads the same literal with its own type.
    const uuids = preparedStatement(db, { name: "test_uuids", types: ["uuid[]"], text: "SELECT $1 AS ids" });
    const ids = ["00000000-0000-4000-8000-000000000001", "00000000-0000-4000-8000-000000000002"];
    expect(await uuids.run([ids])).toEqual([{ ids }]);
    // The table is still there, untouched.
    expect((await db.query("SELECT count(*)::int AS n FROM notes")).rows).toEqual([{ n: 0 }]);
  });

  it("is planned once: PostgreSQL keeps the statement and reuses its plan", async () => {
    await db.exec("INSERT INTO notes VALUES ('a', 'alpha'), ('b', 'beta')");
    const byId = preparedStatement(db, {
      name: "test_by_id",
      types: ["text"],
      text: "SELECT body FROM notes WHERE id = $1",
    });
    for (let i = 0; i < 10; i++) expect(await byId.run(["a"])).toEqual([{ body: "alpha" }]);
    const { rows } = await db.query<{ generic_plans: number; custom_plans: number }>(
      "SELECT generic_plans::int, custom_plans::int FROM pg_prepared_statements WHERE name = 'test_by_id'",
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]?.generic_plans).toBeGreaterThan(0);
  });

  it("runs a value holding a NUL character with bound parameters, as before (PostgreSQL refuses it)", async () => {
    const statement = echo("test_nul");
    const bound = db.query("SELECT $1::text AS one", ["a\u0000b"]);
    await expect(bound).rejects.toThrow();
    await expect(statement.run(["a\u0000b", []])).rejects.toThrow();
    await expect(statement.run(["fine", ["a\u0000b"]])).rejects.toThrow();
    expect(await statement.run(["fine", []])).toEqual([{ one: "fine", many: [], n: 4 }]);
  });

  it("prepares again when the session lost it, or when an earlier object holds the name", async () => {
    const first = echo("test_again");
    expect(await first.run(["x", []])).toEqual([{ one: "x", many: [], n: 1 }]);
    await db.exec("DEALLOCATE ALL");
    expect(await first.run(["y", []])).toEqual([{ one: "y", many: [], n: 1 }]);
    const second = echo("test_again");
    expect(await second.run(["zz", []])).toEqual([{ one: "zz", many: [], n: 2 }]);
    expect(await first.run(["w", []])).toEqual([{ one: "w", many: [], n: 1 }]);
  });

  it("follows a table dropped and made again (a reset)", async () => {
    const byBody = preparedStatement(db, {
      name: "test_reset",
      types: ["text"],
      text: "SELECT id FROM notes WHERE body = $1",
    });
    expect(await byBody.run(["beta"])).toEqual([{ id: "b" }]);
    await db.exec("DROP TABLE notes; CREATE TABLE notes (id text PRIMARY KEY, body text)");
    await db.exec("INSERT INTO notes VALUES ('c', 'beta')");
    expect(await byBody.run(["beta"])).toEqual([{ id: "c" }]);
  });

  it("refuses a wrong number of values and a name that is not a plain identifier", async () => {
    await expect(echo("test_count").run(["only one"])).rejects.toThrow(/takes 2 values, got 1/);
    expect(() => preparedStatement(db, { name: "x; drop", types: [], text: "SELECT 1" })).toThrow(
      /not a plain identifier/,
    );
  });
});
