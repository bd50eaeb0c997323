import { describe, expect, it } from "vitest";
import { readMigrationEnv } from "./env.js";

describe("readMigrationEnv", () => {
  it("reads the connection settings and treats empty values as unset", () => {
    expect(
      readMigrationEnv({
        LEGACY_DATABASE_URL: "postgres://u:secret@127.0.0.1:5432/legacy",
        DATABASE_URL: "",
        MEM0_API_URL: "http://127.0.0.1:8888",
        MEM0_API_KEY: "k",
        MEM0_DIALECT: "server",
      }),
    ).toEqual({
      legacyDatabaseUrl: "postgres://u:secret@127.0.0.1:5432/legacy",
      databaseUrl: undefined,
      mem0Url: "http://127.0.0.1:8888",
      mem0ApiKey: "k",
      mem0Dialect: "server",
    });
  });

  it("names the variable and never echoes a secret-bearing value", () => {
    const bad = () => readMigrationEnv({ LEGACY_DATABASE_URL: "mysql://u:hunter2@db/legacy" });
    expect(bad).toThrow(/LEGACY_DATABASE_URL must be a postgres/);
    expect(bad).not.toThrow(/hunter2/);
    expect(() => readMigrationEnv({ MEM0_DIALECT: "cloud" })).toThrow(/MEM0_DIALECT/);
  });
});
