import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { pino } from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { createGatewayMetrics } from "../observability/metrics.js";
import { isLoopbackAddress } from "./loopback.js";
import { serveMetrics } from "./side-routes.js";

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

/** A real server on loopback whose only route is `/metrics`, served as the gateway does. */
async function metricsUrl(opts: { metricsToken?: string; loopbackOnly: boolean }): Promise<string> {
  const metrics = createGatewayMetrics(
    { outboxStats: async () => null, breakerState: () => "closed" },
    { defaultMetrics: false },
  );
  const deps = { metrics, logger: pino({ level: "silent" }), health: async () => never(), ...opts };
  const s = createServer(
    (req, res) => void serveMetrics({ ...deps, loopbackOnly: () => opts.loopbackOnly }, req, res),
  );
  server = s;
  await new Promise<void>((resolve) => s.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(s.address() as AddressInfo).port}/metrics`;
}
function never(): never {
  throw new Error("not called");
}
const get = (url: string, authorization?: string) =>
  fetch(url, { headers: authorization ? { authorization } : {}, signal: AbortSignal.timeout(5_000) });

describe("/metrics access", () => {
  it("answers without a token when the gateway listens on loopback only", async () => {
    const res = await get(await metricsUrl({ loopbackOnly: true }));
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("gateway_in_flight_requests");
  });

  it("refuses (403, naming the variable) when it listens beyond loopback and no token is configured", async () => {
    const res = await get(await metricsUrl({ loopbackOnly: false }));
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({
      error: "metrics are not served beyond loopback without GATEWAY_METRICS_TOKEN",
    });
  });

  it("requires the bearer token when one is configured, wherever it listens", async () => {
    for (const loopbackOnly of [true, false]) {
      const url = await metricsUrl({ metricsToken: "metrics-token-0123456789", loopbackOnly });
      expect((await get(url)).status).toBe(401);
      const wrong = await get(url, "Bearer metrics-token-wrong");
      expect(wrong.status).toBe(401);
      expect(await wrong.text()).not.toContain("metrics-token");
      expect((await get(url, "Bearer metrics-token-0123456789")).status).toBe(200);
      server?.closeAllConnections();
      await new Promise<void>((resolve) => server?.close(() => resolve()));
      server = undefined;
    }
  });
});

describe("isLoopbackAddress", () => {
  it.each([
    ["127.0.0.1", true],
    ["127.255.0.9", true],
    ["::1", true],
    ["::ffff:127.0.0.1", true],
    ["0.0.0.0", false],
    ["::", false],
    ["10.0.0.5", false],
    ["::ffff:10.0.0.5", false],
    ["128.0.0.1", false],
    ["fe80::1", false],
  ])("%s -> %s", (address, loopback) => {
    expect(isLoopbackAddress(address)).toBe(loopback);
  });
});
