import { describe, expect, it } from "vitest";
import { decodeSession, encodeSession } from "./session.js";

describe("sign-in fragment", () => {
  it("round-trips every field, agent ids included", () => {
    const session = { jwt: "a.b.c", chatbot: "t1", agents: "t2", agentIds: ["trip-planner", "scribe"] };
    expect(decodeSession(`#${encodeSession(session)}`)).toEqual(session);
  });

  it("is null without a JWT, and ignores unknown keys", () => {
    expect(decodeSession("#chatbot=t1")).toBeNull();
    expect(decodeSession("jwt=x&admin=a&other=1")).toEqual({ jwt: "x", admin: "a" });
  });
});
