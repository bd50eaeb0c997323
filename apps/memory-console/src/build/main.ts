/** `pnpm --filter @automatos/memory-console build`: writes the page to dist/ (GATEWAY_CONSOLE_DIR in a deployment). */
import { buildPage } from "./build-page.js";

buildPage().then(
  (dir) => console.log(`memory page built in ${dir}`),
  (err: unknown) => {
    console.error("memory page: build failed", err);
    process.exit(1);
  },
);
