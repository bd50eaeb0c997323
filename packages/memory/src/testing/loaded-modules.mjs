// Imports the module named on the command line and prints, as JSON, every module that import loaded: ES
// modules through a resolve hook, CommonJS ones from require's cache. Run as
// `node --import tsx loaded-modules.mjs <specifier>` (tests/client-entry.test.ts).
import { createRequire, register } from "node:module";
import { MessageChannel } from "node:worker_threads";

const specifier = process.argv[2];
if (!specifier) throw new Error("usage: loaded-modules.mjs <specifier>");

const { port1, port2 } = new MessageChannel();
const loaded = new Set();
const SENTINEL = `data:text/javascript,export default ${JSON.stringify(String(process.pid))}`;
const sentinelSeen = new Promise((resolve) => {
  port1.on("message", (url) => {
    if (url === SENTINEL) resolve();
    else loaded.add(url);
  });
});
register(new URL("./loaded-modules-hooks.mjs", import.meta.url), {
  data: { port: port2 },
  transferList: [port2],
});

await import(specifier);
// Messages arrive in order: once the sentinel's resolution is reported, every earlier one has been too.
await import(SENTINEL);
await sentinelSeen;
port1.close();
const cjs = Object.keys(createRequire(import.meta.url).cache).map((path) => `file://${path}`);
process.stdout.write(JSON.stringify([...loaded, ...cjs]));
