import { ConfigError } from "@automatos/app-runtime";
import { describe, expect, it } from "vitest";
import { parseAgentsEnv } from "./env.js";

describe("parseAgentsEnv", () => {
  it("needs no configuration: in process, embedded mem0, offline", () => {
    const config = parseAgentsEnv({});
    expect(config.memory.kind).toBe("in-process");
    expect(config.llm).toBeNull();
  });

  it("uses the gateway with AGENTS_SERVICE_TOKEN", () => {
    const config = parseAgentsEnv({
      MEMORY_GATEWAY_URL: "http://gw:4000",
      AGENTS_SERVICE_TOKEN: "a".repeat(30),
    });
    expect(config.memory).toEqual({ kind: "gateway", url: "http://gw:4000", serviceToken: "a".repeat(30) });
  });

  it("fails fast naming the variable and what to run", () => {
    try {
      parseAgentsEnv({ MEMORY_GATEWAY_URL: "http://gw:4000", MEM0_DIALECT: "cloud" });
      throw new Error("expected a ConfigError");
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      const message = (e as Error).message;
      expect(message).toContain("agents: invalid configuration");
      expect(message).toContain('MEM0_DIALECT: must be "server" or "platform"');
      expect(message).toContain("pnpm mem0:check");
    }
    expect(() => parseAgentsEnv({ MEMORY_GATEWAY_URL: "http://gw:4000" })).toThrow(
      "AGENTS_SERVICE_TOKEN: required when MEMORY_GATEWAY_URL is set",
    );
  });
});
