import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Agent } from "undici";
import { describe, expect, it } from "vitest";
import { mem0Operation, mem0TimingInterceptor } from "./mem0-timing.js";

describe("mem0Operation", () => {
  const id = "5b0c9c1e-8a4b-4c51-9d55-0f2a1c3e4b6d";
  const cases: [string, string, string][] = [
    ["POST", "/search", "search"],
    ["POST", "/v3/memories/search/", "search"],
    ["POST", "/memories", "add"],
    ["GET", "/memories?user_id=workspace_w_user_u&top_k=20", "get_all"],
    ["DELETE", "/memories?user_id=x", "delete_all"],
    ["GET", `/memories/${id}`, "get"],
    ["PUT", `/memories/${id}`, "update"],
    ["DELETE", `/memories/${id}`, "delete"],
    ["GET", `/memories/${id}/history`, "history"],
    ["GET", "/auth/setup-status", "ping"],
    ["GET", "/v1/ping/", "ping"],
    ["GET", `/v1/event/${id}/`, "event_poll"],
    ["GET", "/entities", "entities"],
    ["DELETE", "/entities/user/workspace_w_user_u", "delete_entity"],
    ["POST", "/configure", "other"],
  ];
  for (const [method, path, operation] of cases) {
    it(`${method} ${path} -> ${operation}`, () => expect(mem0Operation(method, path)).toBe(operation));
  }
});

describe("mem0TimingInterceptor", () => {
  it("times each exchange with its operation and outcome, passing the response through untouched", async () => {
    const server = createServer((req, res) => {
      res.statusCode = req.url === "/search" ? 200 : 502;
      res.end('{"results":[]}');
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const seen: { operation: string; outcome: string; seconds: number }[] = [];
    const agent = new Agent();
    const dispatcher = agent.compose(
      mem0TimingInterceptor((labels, seconds) => seen.push({ ...labels, seconds })),
    );
    try {
      const ok = await dispatcher.request({ origin, path: "/search", method: "POST", body: "{}" });
      expect(await ok.body.text()).toBe('{"results":[]}');
      const bad = await dispatcher.request({ origin, path: "/memories", method: "POST", body: "{}" });
      expect(bad.statusCode).toBe(502);
      await bad.body.text();
      await expect(
        dispatcher.request({ origin: "http://127.0.0.1:9", path: "/search", method: "POST", body: "{}" }),
      ).rejects.toThrow();
      const gaveUp = new AbortController();
      const aborted = dispatcher.request({ origin, path: "/slow", method: "GET", signal: gaveUp.signal });
      gaveUp.abort();
      await expect(aborted).rejects.toThrow();
      // A deadline whose reason is not an AbortError (what AbortSignal.timeout and custom reasons give).
      const deadline = new AbortController();
      const timedOut = dispatcher.request({
        origin,
        path: "/search",
        method: "POST",
        body: "{}",
        signal: deadline.signal,
      });
      deadline.abort(new Error("recall budget spent"));
      await expect(timedOut).rejects.toThrow("recall budget spent");
    } finally {
      await agent.close();
      server.close();
    }
    expect(seen.map(({ operation, outcome }) => `${operation}:${outcome}`)).toEqual([
      "search:ok",
      "add:5xx",
      "search:network_error",
      "other:aborted",
      "search:aborted",
    ]);
    expect(seen.every((s) => s.seconds >= 0 && s.seconds < 5)).toBe(true);
  });
});
