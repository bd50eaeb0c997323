import { ConfigError } from "@automatos/app-runtime";
import { describe, expect, it } from "vitest";
import { parseChatbotEnv } from "./env.js";

const SECRET = "0123456789abcdef0123456789abcdef";

function problemsOf(source: Record<string, string>, purpose: "server" | "cli" = "server"): string[] {
  try {
    parseChatbotEnv(source, purpose);
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as ConfigError).problems;
  }
  throw new Error("expected a ConfigError");
}

describe("parseChatbotEnv", () => {
  it("runs with no configuration at all in the terminal: embedded mem0, PGlite, offline model", () => {
    const config = parseChatbotEnv({}, "cli");
    expect(config.memory.kind).toBe("in-process");
    if (config.memory.kind !== "in-process") return;
    expect(config.memory.env.mem0.mode).toBe("embedded");
    expect(config.memory.env.database.url).toBeUndefined();
    expect(config.memory.env.database.dataDir).toMatch(/\.data[/\\]pg$/);
    expect(config.llm).toBeNull();
    expect(config.http).toEqual({ host: "127.0.0.1", port: 3000, maxBodyBytes: 65_536 });
  });

  it("treats empty strings as unset", () => {
    const config = parseChatbotEnv({ MEM0_API_URL: "", LLM_BASE_URL: " ", CHATBOT_JWT_SECRET: SECRET });
    expect(config.memory.kind).toBe("in-process");
    expect(config.llm).toBeNull();
  });

  it("selects the remote mem0, PostgreSQL and the LLM by configuration only", () => {
    const config = parseChatbotEnv({
      MEM0_API_URL: "http://mem0.internal:8888",
      MEM0_API_KEY: "k".repeat(20),
      MEM0_DIALECT: "server",
      DATABASE_URL: "postgres://u:p@db:5432/automatos",
      LLM_BASE_URL: "https://api.example.com/v1",
      LLM_MODEL: "gpt-4o-mini",
      LLM_API_KEY: "sk-test",
      LLM_TIMEOUT_MS: "5000",
      CHATBOT_JWT_SECRET: SECRET,
    });
    expect(config.memory).toMatchObject({
      kind: "in-process",
      env: { mem0: { mode: "remote", url: "http://mem0.internal:8888", dialect: "server" } },
    });
    if (config.memory.kind === "in-process")
      expect(config.memory.env.database.url).toBe("postgres://u:p@db:5432/automatos");
    expect(config.llm).toEqual({
      baseUrl: "https://api.example.com/v1",
      model: "gpt-4o-mini",
      apiKey: "sk-test",
      timeoutMs: 5000,
    });
  });

  it("selects the gateway when MEMORY_GATEWAY_URL and the service token are set", () => {
    const config = parseChatbotEnv({
      MEMORY_GATEWAY_URL: "http://127.0.0.1:4000",
      CHATBOT_SERVICE_TOKEN: "s".repeat(32),
      CHATBOT_JWT_SECRET: SECRET,
    });
    expect(config.memory).toEqual({
      kind: "gateway",
      url: "http://127.0.0.1:4000",
      serviceToken: "s".repeat(32),
    });
  });

  it.each([
    [{ MEM0_API_URL: "mem0.internal:8888" }, "MEM0_API_URL: must be an http(s) URL"],
    [{ MEM0_API_URL: "http://mem0:8888" }, "MEM0_API_KEY: required when MEM0_API_URL is set"],
    [{ MEM0_DIALECT: "cloud" }, 'MEM0_DIALECT: must be "server" or "platform"'],
    [{ MEM0_DIALECT: "platform" }, 'MEM0_DIALECT: "platform" needs MEM0_API_URL'],
    [{ DATABASE_URL: "mysql://x" }, "DATABASE_URL: must be a postgres:// or postgresql:// URL"],
    [
      { MEMORY_GATEWAY_URL: "http://gw:4000" },
      "CHATBOT_SERVICE_TOKEN: required when MEMORY_GATEWAY_URL is set",
    ],
    [
      { MEMORY_GATEWAY_URL: "http://gw:4000", CHATBOT_SERVICE_TOKEN: "short" },
      "CHATBOT_SERVICE_TOKEN: must be at least 24",
    ],
    [{ LLM_BASE_URL: "http://llm:8000/v1" }, "LLM_MODEL: required when LLM_BASE_URL is set"],
    [{ LLM_MODEL: "gpt-4o-mini" }, "LLM_BASE_URL: required when LLM_MODEL or LLM_API_KEY is set"],
    [{ LLM_TIMEOUT_MS: "fast" }, "LLM_TIMEOUT_MS: must be an integer in 100..300000"],
    [{ CHATBOT_PORT: "70000" }, "CHATBOT_PORT: must be an integer in 0..65535"],
    [{ CHATBOT_JWT_SECRET: "short" }, "CHATBOT_JWT_SECRET: must be at least 32 characters"],
    [{ LOG_LEVEL: "loud" }, "LOG_LEVEL: must be one of"],
    [
      { EMBEDDING_BASE_URL: "http://emb:8000/v1" },
      "EMBEDDING_MODEL: required when EMBEDDING_BASE_URL is set",
    ],
  ])("rejects %j naming the variable and the problem", (source, expected) => {
    const problems = problemsOf({ CHATBOT_JWT_SECRET: SECRET, ...source });
    expect(problems.join("\n")).toContain(expected);
  });

  it("requires the JWT secret for the HTTP API only", () => {
    expect(problemsOf({}, "server").join("\n")).toContain(
      "CHATBOT_JWT_SECRET: required to serve the HTTP API",
    );
    expect(() => parseChatbotEnv({}, "cli")).not.toThrow();
  });

  it("reports every problem at once, says what to run, and never prints a secret's value", () => {
    const secretKey = "sk-very-secret-value-123";
    try {
      parseChatbotEnv({ MEM0_API_URL: "nope", LLM_API_KEY: secretKey, CHATBOT_JWT_SECRET: "tiny-secret" });
      throw new Error("expected a ConfigError");
    } catch (e) {
      const message = (e as Error).message;
      expect(message).toContain("MEM0_API_URL");
      expect(message).toContain("CHATBOT_JWT_SECRET");
      expect(message).toContain("pnpm mem0:check");
      expect(message).not.toContain(secretKey);
      expect(message).not.toContain("tiny-secret");
    }
  });
});
