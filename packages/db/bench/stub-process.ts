/**
 * The zero-latency fake mem0 (@automatos/mem0-client/testing) as its own process, so its HTTP work does not
 * share the relay's event loop. It keeps no memories and records no requests (flat in memory over a run).
 * Prints one JSON line { url, apiKey } when listening; exits when stdin closes (the parent went away).
 */
import { randomUUID } from "node:crypto";
import { startServerFake } from "@automatos/mem0-client/testing";

const apiKey = `stub-${randomUUID()}`;
const stub = await startServerFake({ apiKey, keep: false, record: false });
console.log(JSON.stringify({ url: stub.url, apiKey }));
process.stdin.resume();
process.stdin.on("end", () => {
  void stub.close().then(() => process.exit(0));
});
