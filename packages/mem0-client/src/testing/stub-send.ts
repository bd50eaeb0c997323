/** Writes one StubReply to a node:http response: reset, slow headers, slow body, raw or JSON bodies. */
import type { ServerResponse } from "node:http";
import type { StubReply } from "./stub-types.js";

export async function send(res: ServerResponse, reply: StubReply): Promise<void> {
  if (reply.reset) {
    res.socket?.destroy();
    return;
  }
  if (reply.delayHeadersMs) await wait(reply.delayHeadersMs);
  if (res.destroyed) return;
  const text = reply.raw ?? (reply.body === undefined ? "" : JSON.stringify(reply.body));
  const payload = Buffer.from(text, "utf8");
  const headers: Record<string, string | number> = { "content-length": payload.length, ...reply.headers };
  if (reply.raw === undefined && reply.body !== undefined) headers["content-type"] = "application/json";
  res.writeHead(reply.status ?? 200, headers);
  if (reply.delayBodyMs && payload.length > 1) {
    const half = Math.floor(payload.length / 2);
    res.write(payload.subarray(0, half));
    await wait(reply.delayBodyMs);
    if (!res.destroyed) res.end(payload.subarray(half));
    return;
  }
  res.end(payload);
}

export const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
