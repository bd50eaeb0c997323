/**
 * The lexical index of hybrid search: a stored, generated tsvector of each memory's text under PostgreSQL's
 * `english` configuration (Snowball stemmer, stop words dropped), with a GIN index. Generated, so mem0's own
 * INSERT/UPDATE statements (which name only id, vector, payload) keep it current without knowing it exists;
 * `reset()` drops the table and the column is added again when the engine re-initialises.
 */
export const LEXICAL_COLUMN = "lex";

export function lexicalColumnStatements(table: string): string[] {
  return [
    `ALTER TABLE "${table}" ADD COLUMN IF NOT EXISTS ${LEXICAL_COLUMN} tsvector ` +
      `GENERATED ALWAYS AS (to_tsvector('english'::regconfig, coalesce(payload->>'data', ''))) STORED`,
    `CREATE INDEX IF NOT EXISTS "${table}_lex_gin" ON "${table}" USING gin (${LEXICAL_COLUMN})`,
  ];
}
