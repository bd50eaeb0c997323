import { describe, expect, it } from "vitest";
import { EmbedderError } from "../embedder/openai-compatible-embedder.js";
import { classify, toHttpError } from "./engine-errors.js";

class AuthenticationError extends Error {
  status = 401;
}
class APIConnectionTimeoutError extends Error {}

describe("engine error mapping", () => {
  it("turns the engine's own argument checks into 400 with the engine's message", () => {
    const e = toHttpError(
      new Error("Invalid threshold: 3. Must be between 0 and 1 (inclusive)."),
      "abcd1234",
    );
    expect([e.status, e.body]).toEqual([
      400,
      { detail: "Invalid threshold: 3. Must be between 0 and 1 (inclusive)." },
    ]);
  });

  it("classifies causes like server/errors.py walks __cause__", () => {
    const llm = (cause: Error) => Object.assign(new Error("LLM extraction failed"), { cause });
    expect(classify(llm(new AuthenticationError("401 key sk-secret")))).toBe("provider_auth_failed");
    expect(classify(llm(new APIConnectionTimeoutError("timed out")))).toBe("provider_timeout");
    expect(classify(new EmbedderError("rate_limited", "429"))).toBe("provider_rate_limited");
    expect(classify(new Error("Connection terminated unexpectedly"))).toBe("vector_store_unavailable");
    expect(classify(Object.assign(new Error("disk I/O"), { name: "SqliteError" }))).toBe(
      "datastore_unavailable",
    );
    expect(classify(new Error("something else"))).toBe("unknown");
  });

  it("never echoes a provider's message (it may quote credentials back)", () => {
    const e = toHttpError(
      Object.assign(new Error("x"), { cause: new AuthenticationError("Incorrect API key sk-secret") }),
      "r1",
    );
    expect(e.status).toBe(502);
    expect(JSON.stringify(e.body)).not.toContain("sk-secret");
    expect(e.body).toMatchObject({ code: "provider_auth_failed", request_id: "r1" });
  });
});
