import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { memoryStackProblems, readMemoryEnv, readReadyUnreachableMs } from "./env.js";

describe("MEMORY_READY_UNREACHABLE_MS", () => {
  it("is optional, read in both forms, and a bad value names the variable", () => {
    expect(readMemoryEnv({}).readyUnreachableMs).toBeUndefined();
    expect(readMemoryEnv({ MEMORY_READY_UNREACHABLE_MS: "2500" }).readyUnreachableMs).toBe(2_500);
    expect(readReadyUnreachableMs({ MEMORY_READY_UNREACHABLE_MS: "2500" })).toBe(2_500);
    expect(readReadyUnreachableMs({ MEMORY_READY_UNREACHABLE_MS: "" })).toBeUndefined();
    expect(() => readReadyUnreachableMs({ MEMORY_READY_UNREACHABLE_MS: "5" })).toThrow(
      "MEMORY_READY_UNREACHABLE_MS",
    );
    expect(() => readMemoryEnv({ MEMORY_READY_UNREACHABLE_MS: "soon" })).toThrow(
      "MEMORY_READY_UNREACHABLE_MS",
    );
  });
});

describe("MEMORY_OUTBOX_RETENTION_HOURS", () => {
  it("is optional (the stack keeps 24 h) and a bad value names the variable", () => {
    expect(readMemoryEnv({}).outboxRetentionHours).toBeUndefined();
    expect(readMemoryEnv({ MEMORY_OUTBOX_RETENTION_HOURS: "72" }).outboxRetentionHours).toBe(72);
    for (const bad of ["0", "1.5", "forever", "9000"])
      expect(() => readMemoryEnv({ MEMORY_OUTBOX_RETENTION_HOURS: bad })).toThrow(
        "MEMORY_OUTBOX_RETENTION_HOURS",
      );
  });
});

describe("readMemoryEnv", () => {
  it("defaults to an embedded mem0 and PGlite under .data", () => {
    const env = readMemoryEnv({});
    expect(env.mem0).toEqual({ mode: "embedded", dataDir: resolve(".data/mem0") });
    expect(env.database).toEqual({ dataDir: resolve(".data/pg") });
    expect(env.logLevel).toBe("info");
  });

  it("uses a remote mem0 and PostgreSQL when their URLs are set; empty strings count as unset", () => {
    const env = readMemoryEnv({
      MEM0_API_URL: "http://127.0.0.1:8888",
      MEM0_API_KEY: "k-secret",
      MEM0_DIALECT: "platform",
      DATABASE_URL: "postgres://u:p@127.0.0.1:5432/db",
      LLM_BASE_URL: "",
    });
    expect(env.mem0).toEqual({
      mode: "remote",
      url: "http://127.0.0.1:8888",
      apiKey: "k-secret",
      dialect: "platform",
    });
    expect(env.database.url).toBe("postgres://u:p@127.0.0.1:5432/db");
  });

  it("passes an LLM and an embedder to the embedded mem0", () => {
    const env = readMemoryEnv({
      LLM_BASE_URL: "http://127.0.0.1:1/v1",
      LLM_MODEL: "m",
      EMBEDDING_BASE_URL: "http://127.0.0.1:1/v1",
      EMBEDDING_MODEL: "e",
      EMBEDDING_DIMENSIONS: "256",
    });
    expect(env.mem0).toMatchObject({ llm: { model: "m" }, embedder: { model: "e", dimensions: 256 } });
  });

  it("names the bad variable and never echoes a secret value", () => {
    expect(() => readMemoryEnv({ MEM0_API_URL: "not a url sk-secret" })).toThrow(/MEM0_API_URL/);
    expect(() => readMemoryEnv({ DATABASE_URL: "mysql://sk-secret" })).toThrow(
      /^(?!.*sk-secret).*DATABASE_URL/,
    );
    expect(() => readMemoryEnv({ MEM0_DIALECT: "other" })).toThrow(/MEM0_DIALECT/);
    expect(() => readMemoryEnv({ LLM_BASE_URL: "http://127.0.0.1/v1" })).toThrow(/LLM_MODEL/);
  });
});

describe("memoryStackProblems", () => {
  it("names each variable that another one makes necessary, and nothing when consistent", () => {
    expect(memoryStackProblems({})).toEqual([]);
    expect(
      memoryStackProblems({ MEM0_API_URL: "http://mem0:8888", MEM0_API_KEY: "k", MEM0_DIALECT: "platform" }),
    ).toEqual([]);
    const problems = memoryStackProblems({
      MEM0_API_URL: undefined,
      MEM0_DIALECT: "platform",
      EMBEDDING_BASE_URL: "http://emb:8000/v1",
      EMBEDDING_DIMENSIONS: 0,
    });
    expect(problems.map((p) => p.split(":")[0])).toEqual([
      "MEM0_DIALECT",
      "EMBEDDING_MODEL",
      "EMBEDDING_DIMENSIONS",
    ]);
    expect(memoryStackProblems({ MEM0_API_URL: "http://mem0:8888" })).toEqual([
      "MEM0_API_KEY: required when MEM0_API_URL is set (mem0 refuses unauthenticated calls)",
    ]);
  });
});
