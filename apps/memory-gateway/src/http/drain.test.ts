import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { RequestDrain } from "./drain.js";

/** A plain loopback server whose responses take `delayMs`, tracked by a RequestDrain. */
async function slowServer(delayMs: number): Promise<{ server: Server; drain: RequestDrain; url: string }> {
  const drain = new RequestDrain();
  const server = createServer((_req, res) => {
    drain.track(res);
    setTimeout(() => res.end("done"), delayMs);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, drain, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

const waitFor = async (cond: () => boolean) => {
  for (let i = 0; i < 200 && !cond(); i++) await new Promise((r) => setTimeout(r, 10));
};

let opened: Server | null = null;
afterEach(() => {
  opened?.closeAllConnections();
  opened = null;
});

describe("RequestDrain", () => {
  it("lets in-flight requests finish, with Connection: close, and refuses new connections", async () => {
    const { server, drain, url } = await slowServer(300);
    opened = server;
    const inFlight = fetch(url);
    await waitFor(() => drain.inFlight === 1);
    const closing = drain.close(server, 5_000);
    expect(drain.draining).toBe(true);
    const res = await inFlight;
    expect(res.status).toBe(200);
    expect(res.headers.get("connection")).toBe("close");
    expect(await res.text()).toBe("done");
    expect(await closing).toEqual({ drained: 1, cut: 0 });
    await expect(fetch(url)).rejects.toThrow();
  });

  it("cuts what outlives the grace period and still ends", async () => {
    const { server, drain, url } = await slowServer(10_000);
    opened = server;
    const inFlight = fetch(url).then(
      () => "answered",
      () => "cut",
    );
    await waitFor(() => drain.inFlight === 1);
    const t0 = Date.now();
    expect(await drain.close(server, 200)).toEqual({ drained: 0, cut: 1 });
    expect(Date.now() - t0).toBeLessThan(3_000);
    expect(await inFlight).toBe("cut");
  });

  it("closes at once when nothing is in flight", async () => {
    const { server, drain } = await slowServer(0);
    opened = server;
    expect(await drain.close(server, 5_000)).toEqual({ drained: 0, cut: 0 });
  });
});
