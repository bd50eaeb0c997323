import { describe, expect, it } from "vitest";
import { splitByName } from "./split.js";

describe("splitByName", () => {
  const names = ["Sophie", "Adeleke", "Lin", "Ethan", "Pak", "Kim", "Oliver", "Kenta", "Sarah", "Liam"];

  it("sorts by name: first five dev, last five test, disjoint", () => {
    const dev = splitByName(names, (n) => n, "dev");
    const test = splitByName(names, (n) => n, "test");
    expect(dev).toEqual(["Adeleke", "Ethan", "Kenta", "Kim", "Liam"]);
    expect(test).toEqual(["Lin", "Oliver", "Pak", "Sarah", "Sophie"]);
  });

  it("does not depend on the input order", () => {
    expect(splitByName([...names].reverse(), (n) => n, "test")).toEqual(splitByName(names, (n) => n, "test"));
  });

  it("refuses an unknown split, naming it", () => {
    expect(() => splitByName(names, (n) => n, "all" as never)).toThrow(
      /split must be "dev" or "test", got all/,
    );
  });
});
