import { describe, expect, it } from "vitest";
import { embeddingCacheFromEnv, readServeEnv } from "./env.js";

describe("readServeEnv", () => {
  it("defaults to .data/mem0 under the directory pnpm was run from, port 8888, no providers", () => {
    expect(readServeEnv({ INIT_CWD: "/repo" })).toEqual({ dataDir: "/repo/.data/mem0", port: 8888 });
  });

  it("builds the embedder and LLM options from their variables", () => {
    const env = readServeEnv({
      INIT_CWD: "/r",
      MEM0_EMBEDDED_PORT: "0",
      EMBEDDING_BASE_URL: "http://127.0.0.1:9/v1",
      EMBEDDING_MODEL: "m",
      EMBEDDING_DIMENSIONS: "64",
      LLM_BASE_URL: "http://127.0.0.1:9/v1",
      LLM_MODEL: "l",
      LLM_API_KEY: "secret-value",
    });
    expect(env).toMatchObject({
      port: 0,
      embedder: { model: "m", dimensions: 64 },
      llm: { model: "l", apiKey: "secret-value" },
    });
  });

  it("names a bad variable without echoing values", () => {
    expect(() => readServeEnv({ MEM0_EMBEDDED_PORT: "http" })).toThrow(/MEM0_EMBEDDED_PORT/);
    expect(() => readServeEnv({ EMBEDDING_BASE_URL: "http://x/v1" })).toThrow(
      /EMBEDDING_MODEL and EMBEDDING_DIMENSIONS/,
    );
    const badUrl = () => readServeEnv({ LLM_BASE_URL: "not a url secret-value" });
    expect(badUrl).toThrow(/LLM_BASE_URL/);
    expect(badUrl).not.toThrow(/secret-value/);
  });
});

describe("embeddingCacheFromEnv", () => {
  it("reads MEM0_EMBEDDED_EMBEDDING_CACHE (0 = off) and names the variable when it is not an entry count", () => {
    expect(embeddingCacheFromEnv({})).toBeUndefined();
    expect(embeddingCacheFromEnv({ MEM0_EMBEDDED_EMBEDDING_CACHE: "" })).toBeUndefined();
    expect(embeddingCacheFromEnv({ MEM0_EMBEDDED_EMBEDDING_CACHE: "0" })).toBe(0);
    expect(embeddingCacheFromEnv({ MEM0_EMBEDDED_EMBEDDING_CACHE: "512" })).toBe(512);
    for (const bad of ["-1", "1.5", "many", "2000000"])
      expect(() => embeddingCacheFromEnv({ MEM0_EMBEDDED_EMBEDDING_CACHE: bad })).toThrow(
        /^MEM0_EMBEDDED_EMBEDDING_CACHE must be an integer/,
      );
  });
});
