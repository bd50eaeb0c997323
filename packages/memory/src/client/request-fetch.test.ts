import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Agent } from "undici";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { requestFetch } from "./request-fetch.js";

let server: Server;
let base = "";
const agent = new Agent({ headersTimeout: 5_000, bodyTimeout: 5_000, connect: { timeout: 5_000 } });
const fetchIt = requestFetch(agent);
const received: { method?: string; url?: string; body: string; header?: string }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => {
      body += c.toString();
    });
    req.on("end", () => {
      received.push({ method: req.method, url: req.url, body, header: req.headers["x-test"] as string });
      if (req.url?.startsWith("/html")) {
        res.writeHead(502, { "content-type": "text/html" }).end("<html>bad gateway</html>");
      } else if (req.url?.startsWith("/slow")) {
        setTimeout(() => res.end("{}"), 2_000).unref();
      } else {
        res.writeHead(200, { "content-type": "application/json", "x-reply": "yes" });
        res.end(JSON.stringify({ echo: body }));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await agent.close();
});

describe("requestFetch", () => {
  it("sends method, path with query, headers and body; answers like fetch's Response", async () => {
    const res = await fetchIt(`${base}/memory.search?batch=1`, {
      method: "POST",
      headers: { "x-test": "h1", "content-type": "application/json" },
      body: '{"0":{"json":{"query":"tea"}}}',
    });
    expect(received.at(-1)).toEqual({
      method: "POST",
      url: "/memory.search?batch=1",
      body: '{"0":{"json":{"query":"tea"}}}',
      header: "h1",
    });
    expect(res.ok).toBe(true);
    expect(res.status).toBe(200);
    expect(res.statusText).toBe("OK");
    expect(res.headers.get("x-reply")).toBe("yes");
    expect(await res.json()).toEqual({ echo: '{"0":{"json":{"query":"tea"}}}' });
  });

  it("accepts Headers objects and header pairs", async () => {
    await fetchIt(`${base}/a`, { headers: new Headers({ "x-test": "h2" }) });
    expect(received.at(-1)?.header).toBe("h2");
    await fetchIt(`${base}/b`, { headers: [["x-test", "h3"]] });
    expect(received.at(-1)).toMatchObject({ method: "GET", header: "h3" });
  });

  it("a body that is not JSON rejects in json(), with the status still readable", async () => {
    const res = await fetchIt(`${base}/html`, { method: "POST", body: "{}" });
    expect(res.ok).toBe(false);
    expect(res.status).toBe(502);
    await expect(res.json()).rejects.toThrow(SyntaxError);
    expect(await res.text()).toBe("<html>bad gateway</html>");
  });

  it("the caller's signal aborts a request in flight", async () => {
    const started = Date.now();
    const pending = fetchIt(`${base}/slow`, { signal: AbortSignal.timeout(50) });
    await expect(pending).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it("refuses bodies tRPC never sends (streams, forms) instead of sending them wrong", async () => {
    await expect(fetchIt(`${base}/a`, { method: "POST", body: new URLSearchParams("a=1") })).rejects.toThrow(
      /only string bodies/,
    );
  });
});
