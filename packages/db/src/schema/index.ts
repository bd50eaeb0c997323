// Every table of @automatos/db, one file each. Add new tables here (and only here) so drizzle-kit and
// createDb() both see them.
export { outbox } from "./outbox.js";
export { workspaceMemoryMode } from "./workspace-memory-mode.js";
