import { describe, expect, it } from "vitest";
import { gatewayChildEnv, readConsoleEnv } from "./env.js";

describe("readConsoleEnv", () => {
  it("defaults the port and accepts 0", () => {
    expect(readConsoleEnv({})).toEqual({ port: 4400 });
    expect(readConsoleEnv({ CONSOLE_PORT: "0" })).toEqual({ port: 0 });
  });

  it("names the variable on bad input", () => {
    expect(() => readConsoleEnv({ CONSOLE_PORT: "http" })).toThrow(/CONSOLE_PORT: must be an integer/);
    expect(() => readConsoleEnv({ CONSOLE_PORT: "70000" })).toThrow(/CONSOLE_PORT/);
  });
});

describe("gatewayChildEnv", () => {
  it("keeps the process basics, drops inherited gateway/mem0/database settings, adds the launcher's", () => {
    const env = gatewayChildEnv(
      { GATEWAY_PORT: "4400", MEM0_API_URL: "http://127.0.0.1:9" },
      {
        PATH: "/usr/bin",
        GATEWAY_JWKS_URL: "https://idp.example/jwks",
        MEM0_API_KEY: "k",
        DATABASE_URL: "postgres://x",
        MEMORY_GATEWAY_URL: "http://g",
      },
    );
    expect(env).toEqual({ PATH: "/usr/bin", GATEWAY_PORT: "4400", MEM0_API_URL: "http://127.0.0.1:9" });
  });
});
