/**
 * DDL of the legacy tables as the live legacy Postgres has them (docs/legacy-store.md §1.1 init SQL shape, §1.8
 * identity tables), for seeding test and benchmark databases. The migration never runs this against a real
 * legacy database: there the tables already exist.
 */
export const LEGACY_DDL = `
CREATE EXTENSION IF NOT EXISTS vector;
CREATE TABLE IF NOT EXISTS users (
  id SERIAL PRIMARY KEY,
  username VARCHAR(255) UNIQUE,
  email VARCHAR(255) UNIQUE,
  clerk_user_id VARCHAR(255) UNIQUE,
  created_at TIMESTAMP DEFAULT NOW(),
  updated_at TIMESTAMP DEFAULT NOW()
);
CREATE TABLE IF NOT EXISTS workspaces (
  id UUID PRIMARY KEY,
  name VARCHAR(255),
  slug VARCHAR(255),
  owner_id INTEGER REFERENCES users(id),
  clerk_org_id VARCHAR(255),
  plan VARCHAR(50),
  is_personal BOOLEAN DEFAULT false,
  is_active BOOLEAN DEFAULT true,
  deleted_at TIMESTAMP,
  created_at TIMESTAMP DEFAULT NOW(),
  updated_at TIMESTAMP DEFAULT NOW()
);
CREATE TABLE IF NOT EXISTS agents (
  id SERIAL PRIMARY KEY,
  name VARCHAR(255),
  agent_type VARCHAR(100),
  workspace_id UUID,
  created_by_user_id INTEGER,
  is_shared BOOLEAN DEFAULT false,
  owner_type VARCHAR(50) DEFAULT 'workspace',
  created_at TIMESTAMP DEFAULT NOW()
);
CREATE TABLE IF NOT EXISTS workflows (
  id SERIAL PRIMARY KEY,
  name VARCHAR(255),
  workspace_id UUID,
  created_at TIMESTAMP DEFAULT NOW()
);
CREATE TABLE IF NOT EXISTS chats (
  id UUID PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  title VARCHAR(255),
  visibility VARCHAR(20) DEFAULT 'private',
  last_context JSONB,
  workspace_id UUID,
  created_at TIMESTAMP DEFAULT NOW(),
  updated_at TIMESTAMP DEFAULT NOW()
);
CREATE TABLE IF NOT EXISTS messages (
  id UUID PRIMARY KEY,
  chat_id UUID REFERENCES chats(id) ON DELETE CASCADE,
  role VARCHAR(20),
  parts JSONB,
  attachments JSONB,
  created_at TIMESTAMP DEFAULT NOW(),
  workspace_id UUID
);
CREATE TABLE IF NOT EXISTS memory_items (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  agent_id INTEGER REFERENCES agents(id),
  workspace_id UUID,
  content VARCHAR NOT NULL,
  memory_type VARCHAR(100) NOT NULL,
  memory_level VARCHAR(50) DEFAULT 'working',
  importance FLOAT DEFAULT 0.5,
  embedding vector(1024),
  access_count INTEGER DEFAULT 0,
  last_access TIMESTAMP DEFAULT NOW(),
  decay_rate FLOAT DEFAULT 0.1,
  associations VARCHAR[],
  metadata JSON DEFAULT '{}'::json,
  created_at TIMESTAMP DEFAULT NOW(),
  success_rate FLOAT DEFAULT 0.0,
  usage_in_solutions INTEGER DEFAULT 0,
  average_retrieval_time FLOAT DEFAULT 0.0
);
CREATE INDEX IF NOT EXISTS idx_memory_items_agent ON memory_items (agent_id);
CREATE INDEX IF NOT EXISTS idx_memory_items_memory_level ON memory_items (memory_level);
-- The system agent the init SQL seeds "required for memory_items foreign key".
INSERT INTO agents (id, name, agent_type) VALUES (1, 'ChatMemory', 'system') ON CONFLICT DO NOTHING;
SELECT setval('agents_id_seq', GREATEST((SELECT max(id) FROM agents), 1));
`;
