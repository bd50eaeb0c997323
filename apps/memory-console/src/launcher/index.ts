/** @automatos/memory-console: the launcher of the memory page (the page itself is src/web, bundled to dist/). */

export { buildPage } from "../build/build-page.js";
export { DEMO_AGENT, DEMO_USERS, DEMO_WORKSPACE } from "./demo-data.js";
export { type RunningConsole, type StartConsoleOptions, startConsole } from "./start-console.js";
