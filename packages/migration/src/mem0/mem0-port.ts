import type { Mem0Client } from "@automatos/mem0-client";

/** What the migration needs from @automatos/mem0-client (a structural subset, so tests can wrap it). */
export type Mem0Port = Pick<Mem0Client, "add" | "search" | "getAll" | "get">;
