/** The binary writes on a real PGlite table with pgvector: what is stored is what the text path stores. */
import { PGlite } from "@electric-sql/pglite";
import { vector } from "@electric-sql/pglite-pgvector";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeVector, type VectorWriteStore, writeVectorsInBinary } from "./binary-vector-writes.js";

let db: PGlite;
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
const refuse = () => Promise.reject(new Error("mem0's own write ran"));

beforeAll(async () => {
  db = await PGlite.create({ extensions: { vector } });
  await db.exec("CREATE EXTENSION IF NOT EXISTS vector");
  await db.exec("CREATE TABLE memories (id UUID PRIMARY KEY, vector vector(3), payload JSONB)");
});
afterAll(() => db?.close());

async function stored(rowId: string) {
  const { rows } = await db.query<{ v: string; payload: Record<string, unknown> }>(
    "SELECT vector::text AS v, payload FROM memories WHERE id = $1",
    [rowId],
  );
  return rows[0];
}

describe("encodeVector", () => {
  it("writes pgvector's binary layout: dimensions, a zero, big-endian float4s", () => {
    const bytes = encodeVector([1, -2.5]);
    expect(Array.from(bytes)).toEqual([0, 2, 0, 0, 0x3f, 0x80, 0, 0, 0xc0, 0x20, 0, 0]);
  });
});

describe("writeVectorsInBinary", () => {
  it("stores the same float4 values and payload as mem0's text insert, and updates both", async () => {
    const store: VectorWriteStore = { insert: refuse, update: refuse };
    await writeVectorsInBinary(store, db, "memories");
    const v1 = [0.1, -0.2, 0.30000001];
    await store.insert([v1, [1, 2, 3]], [id(1), id(2)], [{ data: "tea", user_id: "u1" }, { data: "coffee" }]);
    await db.query("INSERT INTO memories VALUES ($1, $2::vector, $3)", [
      id(3),
      `[${v1.join(",")}]`,
      { data: "tea", user_id: "u1" },
    ]);
    const [binary, text] = [await stored(id(1)), await stored(id(3))];
    expect(binary).toEqual(text);
    expect((await stored(id(2)))?.payload).toEqual({ data: "coffee" });

    await store.update(id(2), [3, 2, 1], { data: "cocoa" });
    expect(await stored(id(2))).toEqual({ v: "[3,2,1]", payload: { data: "cocoa" } });
  });

  it("refuses what PostgreSQL refuses in text form: a wrong size, a non-finite element", async () => {
    const store: VectorWriteStore = { insert: refuse, update: refuse };
    await writeVectorsInBinary(store, db, "memories");
    await expect(store.insert([[1, 2]], [id(10)], [{}])).rejects.toThrow(/expected 3 dimensions/);
    await expect(store.insert([[1, Number.NaN, 3]], [id(11)], [{}])).rejects.toThrow(/NaN/);
    expect(await stored(id(10))).toBeUndefined();
  });
});
