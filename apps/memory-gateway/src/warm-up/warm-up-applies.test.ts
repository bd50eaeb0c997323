import { describe, expect, it } from "vitest";
import { parseGatewayEnv } from "../env.js";
import { warmUpSkipReason } from "./warm-up-applies.js";

const BASE = {
  GATEWAY_SERVICE_TOKENS: "chatbot:warm-up-test-service-secret-0123456789",
  GATEWAY_JWT_SECRET: "warm-up-test-jwt-secret-0123456789-abcdefghij",
};

describe("warmUpSkipReason", () => {
  it("runs the warm-up on the local default", () => {
    const config = parseGatewayEnv(BASE);
    expect(config.warmUp.turns).toBeGreaterThan(0);
    expect(warmUpSkipReason(config)).toBeNull();
  });

  it.each([
    [{ GATEWAY_WARM_UP_TURNS: "0" }, "GATEWAY_WARM_UP_TURNS"],
    [{ MEM0_API_URL: "http://127.0.0.1:8888", MEM0_API_KEY: "k-0123456789" }, "MEM0_API_URL"],
    [
      { EMBEDDING_BASE_URL: "http://127.0.0.1:9000/v1", EMBEDDING_MODEL: "m", EMBEDDING_DIMENSIONS: "64" },
      "EMBEDDING_BASE_URL",
    ],
    [{ LLM_BASE_URL: "http://127.0.0.1:9001/v1", LLM_MODEL: "m" }, "LLM_BASE_URL"],
    [{ LEGACY_DATABASE_URL: "postgres://u@127.0.0.1/legacy" }, "LEGACY_DATABASE_URL"],
    [{ DATABASE_URL: "postgres://u@127.0.0.1/outbox" }, "DATABASE_URL"],
    [{ GATEWAY_RELAY: "off" }, "GATEWAY_RELAY"],
  ])("skips it when %o, naming %s", (vars, named) => {
    expect(warmUpSkipReason(parseGatewayEnv({ ...BASE, ...vars }))).toContain(named);
  });

  it("refuses a turn count outside 0..5000, naming the variable", () => {
    expect(() => parseGatewayEnv({ ...BASE, GATEWAY_WARM_UP_TURNS: "5001" })).toThrow(
      /GATEWAY_WARM_UP_TURNS/,
    );
    expect(() => parseGatewayEnv({ ...BASE, GATEWAY_WARM_UP_TURNS: "many" })).toThrow(
      /GATEWAY_WARM_UP_TURNS/,
    );
  });
});
