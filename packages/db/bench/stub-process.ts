/**
 * The zero-latency mem0 stub as its own process (so its HTTP work does not share the relay's event loop).
 * Prints one JSON line { url, apiKey } when listening; exits when stdin closes (the parent went away).
 */
import { startMem0Stub } from "../src/testing/mem0-stub.js";

const stub = await startMem0Stub({ latencyMs: 0, record: false });
console.log(JSON.stringify({ url: stub.url, apiKey: stub.apiKey }));
process.stdin.resume();
process.stdin.on("end", () => {
  void stub.close().then(() => process.exit(0));
});
