import { describe, expect, it } from "vitest";
import { readMem0Env } from "./env.js";

describe("readMem0Env", () => {
  it("reads MEM0_API_URL, MEM0_API_KEY and MEM0_DIALECT; empty values count as unset", () => {
    expect(
      readMem0Env({ MEM0_API_URL: "http://127.0.0.1:8888", MEM0_API_KEY: "k", MEM0_DIALECT: "platform" }),
    ).toEqual({
      url: "http://127.0.0.1:8888",
      apiKey: "k",
      dialect: "platform",
    });
    expect(readMem0Env({ MEM0_API_URL: "", MEM0_DIALECT: "" })).toEqual({
      url: undefined,
      apiKey: undefined,
      dialect: undefined,
    });
  });

  it("refuses an unknown dialect, naming the variable", () => {
    expect(() => readMem0Env({ MEM0_DIALECT: "cloud" })).toThrow(/MEM0_DIALECT/);
  });
});
