import type { outbox } from "./outbox.js";
import type { workspaceMemoryMode } from "./workspace-memory-mode.js";

export type { OutboxPayload, OutboxStatus } from "./outbox.js";
export type { MemoryMode } from "./workspace-memory-mode.js";

export type OutboxRow = typeof outbox.$inferSelect;
export type NewOutboxRow = typeof outbox.$inferInsert;
export type WorkspaceMemoryModeRow = typeof workspaceMemoryMode.$inferSelect;
export type NewWorkspaceMemoryModeRow = typeof workspaceMemoryMode.$inferInsert;
