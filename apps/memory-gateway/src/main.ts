/**
 * `pnpm --filter @automatos/memory-gateway start`: validates the environment, starts the gateway, and shuts
 * down gracefully on SIGTERM / SIGINT (a second signal exits at once).
 */
import { GatewayConfigError, loadGatewayEnv } from "./env.js";
import { startGateway } from "./start-gateway.js";
import { GatewayStartError } from "./startup-probe.js";

async function main(): Promise<void> {
  const gateway = await startGateway({ config: loadGatewayEnv() });
  let signalled = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (signalled) {
      console.error(`memory-gateway: second ${signal}, exiting without draining`);
      process.exit(1);
    }
    signalled = true;
    gateway.close().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(`memory-gateway: shutdown failed: ${(err as Error).name}`);
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", onSignal);
  process.on("SIGINT", onSignal);
}

main().catch((err: unknown) => {
  // Known start-up errors carry a complete, secret-free message; anything else is a bug worth a stack.
  if (err instanceof GatewayConfigError || err instanceof GatewayStartError) console.error(err.message);
  else console.error("memory-gateway: failed to start", err);
  process.exit(1);
});
