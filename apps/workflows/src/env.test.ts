import { ConfigError } from "@automatos/app-runtime";
import { describe, expect, it } from "vitest";
import { parseWorkflowsEnv } from "./env.js";

describe("parseWorkflowsEnv", () => {
  it("needs no configuration: in process, 15 min runs, a registry file under the data dir", () => {
    const config = parseWorkflowsEnv({});
    expect(config.memory.kind).toBe("in-process");
    expect(config.runs.ttlMs).toBe(15 * 60 * 1000);
    expect(config.runs.sweepIntervalMs).toBe(60_000);
    expect(config.runs.registryFile).toMatch(/\.data[/\\]workflows[/\\]runs\.json$/);
  });

  it('keeps the registry in memory with WORKFLOWS_RUN_REGISTRY="memory"', () => {
    expect(parseWorkflowsEnv({ WORKFLOWS_RUN_REGISTRY: "memory" }).runs.registryFile).toBeNull();
  });

  it("fails fast naming the variable", () => {
    for (const [source, message] of [
      [{ WORKFLOWS_RUN_TTL_MS: "10" }, "WORKFLOWS_RUN_TTL_MS: must be an integer in 1000..604800000"],
      [
        { MEMORY_GATEWAY_URL: "http://gw:4000" },
        "WORKFLOWS_SERVICE_TOKEN: required when MEMORY_GATEWAY_URL is set",
      ],
    ] as const) {
      expect(() => parseWorkflowsEnv(source)).toThrow(ConfigError);
      expect(() => parseWorkflowsEnv(source)).toThrow(message);
    }
  });
});
