import { describe, expect, it } from "vitest";
import { z } from "zod";
import { httpUrl, intIn, oneOf, optionalString } from "./env-fields.js";

const schema = z.object({
  NAME: optionalString,
  URL: httpUrl("the service"),
  PORT: intIn(0, 65_535, 4000),
  MODE: oneOf(["on", "off"], "on"),
});

const problems = (vars: Record<string, string>) => {
  const parsed = schema.safeParse(vars);
  return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
};

describe("env fields", () => {
  it("unset and empty mean the fallback (or undefined)", () => {
    expect(schema.parse({ NAME: "  ", URL: "", PORT: "", MODE: "" })).toEqual({
      NAME: undefined,
      URL: undefined,
      PORT: 4000,
      MODE: "on",
    });
    expect(schema.parse({})).toEqual({ PORT: 4000, MODE: "on" });
  });

  it("valid values come through, trimmed and typed", () => {
    expect(schema.parse({ NAME: " x ", URL: "https://a.example/v1", PORT: "8080", MODE: "off" })).toEqual({
      NAME: "x",
      URL: "https://a.example/v1",
      PORT: 8080,
      MODE: "off",
    });
  });

  it("bad values name the variable and the rule, never the value", () => {
    const found = problems({ URL: "ftp://secret-host", PORT: "80.5", MODE: "maybe" });
    expect(found).toEqual([
      "URL: must be an http(s) URL (the service)",
      "PORT: must be an integer in 0..65535",
      "MODE: must be one of on, off",
    ]);
    expect(found.join(" ")).not.toContain("secret-host");
    expect(problems({ PORT: "70000" })).toEqual(["PORT: must be an integer in 0..65535"]);
  });
});
