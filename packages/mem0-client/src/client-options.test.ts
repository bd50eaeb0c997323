import { describe, expect, it } from "vitest";
import { resolveOptions } from "./client-options.js";
import type { Mem0ClientOptions } from "./types.js";

const fieldOf = (o: unknown) => {
  try {
    resolveOptions(o as Mem0ClientOptions);
  } catch (e) {
    return (e as { field?: string }).field;
  }
  return "accepted";
};

describe("resolveOptions", () => {
  it("fills defaults and picks the auth header per dialect", () => {
    const s = resolveOptions({ baseUrl: "http://127.0.0.1:8888", apiKey: "k-123" });
    expect(s).toMatchObject({
      dialect: "server",
      connections: 32,
      retry: { maxAttempts: 3 },
      breaker: { consecutiveFailures: 5 },
    });
    expect(s.authHeaders).toEqual({ accept: "application/json", "x-api-key": "k-123" });
    expect(
      resolveOptions({ baseUrl: "https://api.mem0.ai", dialect: "platform", apiKey: "k-123" }).authHeaders
        .authorization,
    ).toBe("Token k-123");
    expect(
      resolveOptions({ baseUrl: "http://h", bearerToken: "jwt-1", apiKey: "k-123" }).authHeaders,
    ).toEqual({ accept: "application/json", authorization: "Bearer jwt-1" });
    expect(resolveOptions({ baseUrl: "http://h" }).authHeaders).toEqual({ accept: "application/json" });
  });

  it("names the offending field", () => {
    expect(fieldOf({ baseUrl: "ftp://h" })).toBe("options.baseUrl");
    expect(fieldOf({})).toBe("options.baseUrl");
    expect(fieldOf({ baseUrl: "http://h", dialect: "cloud" })).toBe("options.dialect");
    expect(fieldOf({ baseUrl: "http://h", timeouts: { headersMs: -1 } })).toBe("options.timeouts.headersMs");
    expect(fieldOf({ baseUrl: "http://h", retry: { maxAttempts: 0 } })).toBe("options.retry.maxAttempts");
    expect(fieldOf({ baseUrl: "http://h", connections: 1.5 })).toBe("options.connections");
  });
});
