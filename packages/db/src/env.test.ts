import { describe, expect, it } from "vitest";
import { loadDbEnv } from "./env.js";

describe("loadDbEnv", () => {
  it("selects PGlite when DATABASE_URL is unset or empty", () => {
    expect(loadDbEnv({})).toEqual({ url: undefined });
    expect(loadDbEnv({ DATABASE_URL: "" })).toEqual({ url: undefined });
  });

  it("passes a PostgreSQL URL through", () => {
    const url = "postgresql://app:pw@127.0.0.1:5432/automatos";
    expect(loadDbEnv({ DATABASE_URL: url })).toEqual({ url });
  });

  it("rejects other URLs without echoing them (they may hold a password)", () => {
    const attempt = () => loadDbEnv({ DATABASE_URL: "mysql://root:hunter2@db/x" });
    expect(attempt).toThrow(/DATABASE_URL must be a postgres/);
    expect(attempt).not.toThrow(/hunter2/);
  });
});
