import { describe, expect, it } from "vitest";
import { readConsoleEnv } from "./env.js";

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
