/**
 * `pnpm --filter @automatos/db db:migrate`: applies the committed migrations to DATABASE_URL, or to the
 * PGlite default under .data/pg when it is unset. (createDb() does the same at every open; this is for
 * operators who want to migrate ahead of a deploy.)
 */
import { createDb } from "../create-db.js";
import { loadDbEnv } from "../env.js";

const { url } = loadDbEnv();
const database = await createDb({ url });
console.log(`migrations applied (${database.kind}${database.vector ? ", pgvector installed" : ""})`);
await database.close();
