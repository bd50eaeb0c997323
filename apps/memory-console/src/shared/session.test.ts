import { describe, expect, it } from "vitest";
import { decodeSession, encodeSession } from "./session.js";

describe("sign-in fragment", () => {
  it("round-trips every field, agent ids included", () => {
    const session = { jwt: "a.b.c", console: "t1", agentIds: ["trip-planner", "scribe"] };
    expect(decodeSession(`#${encodeSession(session)}`)).toEqual(session);
  });

  it("is null without a JWT, and ignores unknown keys (an app's token among them)", () => {
    expect(decodeSession("#console=t1")).toBeNull();
    expect(decodeSession("jwt=x&admin=a&chatbot=c&other=1")).toEqual({ jwt: "x", admin: "a" });
  });
});
