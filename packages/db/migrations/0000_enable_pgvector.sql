-- Custom migration (drizzle-kit generate --custom): enable pgvector where the server has it.
-- PGlite (the embedded default) loads pgvector, so the extension is created there. Debian's PostgreSQL 15
-- has no pgvector package, and no table of ours needs vectors yet, so on a server without it this
-- migration only leaves a NOTICE instead of failing. A later migration that adds a vector column must
-- itself run `CREATE EXTENSION IF NOT EXISTS vector;` (unconditionally), so it fails loudly where pgvector
-- is missing rather than relying on this one.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'vector') THEN
    CREATE EXTENSION IF NOT EXISTS vector;
  ELSE
    RAISE NOTICE 'pgvector is not available on this server; skipping CREATE EXTENSION vector';
  END IF;
END
$$;
