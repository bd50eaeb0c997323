/**
 * Drizzle READ model of the legacy Automatos tables the migration needs (docs/legacy-store.md §1.1, §1.8, §1.9).
 *
 * These tables belong to the legacy Postgres, not to us: they are never part of @automatos/db's migrations and
 * the migration tool never alters them. The only write is `writeLegacyRow` (dual mode), an INSERT of a
 * legacy-format `memory_items` row. The column types follow the init SQL where the ORM and SQL disagree.
 */
import {
  boolean,
  doublePrecision,
  integer,
  json,
  jsonb,
  pgTable,
  serial,
  timestamp,
  uuid,
  varchar,
  vector,
} from "drizzle-orm/pg-core";

export const legacyMemoryItems = pgTable("memory_items", {
  id: uuid("id").primaryKey(),
  agentId: integer("agent_id"), // 1 = the shared "ChatMemory" agent, NULL for chat rows after ~Jan 2026
  workspaceId: uuid("workspace_id"), // added late: old rows may be NULL
  content: varchar("content").notNull(), // a JSON *string*, not a json column (docs/legacy-store.md §1.1a)
  memoryType: varchar("memory_type", { length: 100 }).notNull(),
  memoryLevel: varchar("memory_level", { length: 50 }).default("working"),
  importance: doublePrecision("importance").default(0.5),
  // 384 -> 1024 -> 4096 over time, often NULL or zero. Never selected by the migration: mem0 re-embeds.
  embedding: vector("embedding", { dimensions: 1024 }),
  accessCount: integer("access_count").default(0),
  lastAccess: timestamp("last_access").defaultNow(), // timestamp WITHOUT time zone (naive; treated as UTC)
  decayRate: doublePrecision("decay_rate").default(0.1),
  associations: varchar("associations").array(),
  metadata: json("metadata"), // effectively '{}' (ORM kwarg bug): task_id/chat_id live in content
  createdAt: timestamp("created_at").defaultNow(),
  successRate: doublePrecision("success_rate").default(0),
  usageInSolutions: integer("usage_in_solutions").default(0),
  averageRetrievalTime: doublePrecision("average_retrieval_time").default(0),
});

export const legacyUsers = pgTable("users", {
  id: serial("id").primaryKey(),
  username: varchar("username", { length: 255 }),
  email: varchar("email", { length: 255 }),
  clerkUserId: varchar("clerk_user_id", { length: 255 }),
  createdAt: timestamp("created_at").defaultNow(),
});

export const legacyWorkspaces = pgTable("workspaces", {
  id: uuid("id").primaryKey(),
  name: varchar("name", { length: 255 }),
  slug: varchar("slug", { length: 255 }),
  ownerId: integer("owner_id"), // -> users.id; the fallback owner of orphaned chat memories
  isPersonal: boolean("is_personal"),
  isActive: boolean("is_active"),
  deletedAt: timestamp("deleted_at"),
  createdAt: timestamp("created_at").defaultNow(),
});

export const legacyChats = pgTable("chats", {
  id: uuid("id").primaryKey(),
  userId: integer("user_id").notNull(),
  title: varchar("title", { length: 255 }),
  workspaceId: uuid("workspace_id"), // nullable, backfilled from messages
  createdAt: timestamp("created_at").defaultNow(),
});

export const legacyMessages = pgTable("messages", {
  id: uuid("id").primaryKey(),
  chatId: uuid("chat_id"),
  role: varchar("role", { length: 20 }),
  parts: jsonb("parts"),
  workspaceId: uuid("workspace_id"),
  createdAt: timestamp("created_at").defaultNow(),
});

export const legacyAgents = pgTable("agents", {
  id: serial("id").primaryKey(),
  name: varchar("name", { length: 255 }),
  workspaceId: uuid("workspace_id"), // NULL for marketplace agents
  createdByUserId: integer("created_by_user_id"),
});

export const legacyWorkflows = pgTable("workflows", {
  id: serial("id").primaryKey(),
  name: varchar("name", { length: 255 }),
  workspaceId: uuid("workspace_id"),
});
