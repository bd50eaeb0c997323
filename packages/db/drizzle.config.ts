import { defineConfig } from "drizzle-kit";

// `pnpm --filter @automatos/db db:generate` diffs src/schema against migrations/meta and writes the next SQL
// migration. Migrations are applied by createDb() at open (src/migrate.ts), not by drizzle-kit migrate:
// drizzle-kit's PGlite driver cannot load the pgvector extension (docs/toolchain.md section 7.2).
export default defineConfig({
  dialect: "postgresql",
  schema: "./src/schema/index.ts",
  out: "./migrations",
});
