import { PGlite } from "@electric-sql/pglite";
import { afterAll, describe, expect, it } from "vitest";
import { textArray } from "./ledger-store.js";

const pg = new PGlite();
afterAll(() => pg.close());

describe("textArray", () => {
  it("round-trips awkward values through one text[] parameter", async () => {
    const values = ["plain", 'quo"te', "back\\slash", "comma,brace{}", "NULL", "", "spa ce", "ünï"];
    const { rows } = await pg.query<{ v: string }>("SELECT unnest($1::text[]) AS v", [textArray(values)]);
    expect(rows.map((r) => r.v)).toEqual(values);
  });
});
