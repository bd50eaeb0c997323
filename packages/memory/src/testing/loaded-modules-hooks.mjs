// Module hooks (node:module register) that report every resolved URL to the main thread. Registered after
// tsx, so this resolve runs first in the chain and sees the URL tsx's resolution settled on.
let port;

export function initialize(data) {
  port = data.port;
}

export async function resolve(specifier, context, nextResolve) {
  const resolved = await nextResolve(specifier, context);
  port.postMessage(resolved.url);
  return resolved;
}
