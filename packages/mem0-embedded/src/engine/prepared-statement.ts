/**
 * A hot statement of the engine's own, planned once per PGlite instance instead of on every call.
 *
 * `PGlite.query` sends every statement unnamed (Parse, Bind, Describe, Execute, Sync: five passes through the
 * WebAssembly backend), and PostgreSQL plans an unnamed statement again at every Bind. Measured in a 100-user
 * P11 trial (every backend call timed, 2026-12-08): the search's lexeme statement spent ~0.83 of its ~1.1 ms in
 * Parse and Bind; prepared, it took ~0.6 ms. Here the statement is `PREPARE`d once and run as
 * `EXECUTE name(literals)` through `PGlite.exec` (one simple-protocol message; PostgreSQL settles on a generic
 * plan after five runs). Only for statements whose generic plan is as good as a per-call one: the add's
 * idempotency lookup, prepared, took ~70 ms in a trial (its generic plan) and stays planned per call.
 *
 * Values travel as SQL literals because `EXECUTE` takes expressions, not bound parameters (the same approach as
 * the outbox relay's statements in `@automatos/db`): a string is a standard-conforming literal with its single
 * quotes doubled, checked once per instance (`standard_conforming_strings` must be on, PostgreSQL's default).
 * A string holding a NUL character cannot be a literal (the statement text would end there), so such a call
 * runs the statement as before, with bound parameters, and gets PostgreSQL's own answer to it.
 */
import type { PGlite } from "@electric-sql/pglite";

/** A statement's parameter: a string, a list of strings (a PostgreSQL array), or SQL NULL. */
export type PreparedValue = string | readonly string[] | null;

export interface PreparedStatementSpec {
  /** A plain PostgreSQL identifier (case-folded: unique per PGlite instance whatever its case). */
  name: string;
  /** Parameter types, in order ($1 ... $n), as `PREPARE` takes them. */
  types: readonly string[];
  /** The statement with $1 ... $n placeholders. */
  text: string;
}

export interface PreparedStatement {
  run<T>(values: readonly PreparedValue[]): Promise<T[]>;
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** SQLSTATE invalid_sql_statement_name: the session lost the statement (e.g. `DEALLOCATE ALL`). */
const UNKNOWN_STATEMENT = "26000";
/** SQLSTATE duplicate_prepared_statement. */
const DUPLICATE_STATEMENT = "42P05";

export function preparedStatement(db: PGlite, spec: PreparedStatementSpec): PreparedStatement {
  if (!NAME.test(spec.name))
    throw new Error(`prepared statement name ${spec.name} is not a plain identifier`);
  let ready: Promise<void> | null = null;
  const prepare = () => {
    ready ??= (async () => {
      const { rows } = await db.query<{ standard_conforming_strings: string }>(
        "show standard_conforming_strings",
      );
      if (rows[0]?.standard_conforming_strings !== "on")
        throw new Error("mem0-embedded: PGlite must run with standard_conforming_strings = on");
      const sql = `PREPARE ${spec.name}(${spec.types.join(", ")}) AS ${spec.text}`;
      try {
        await db.exec(sql);
      } catch (error) {
        // The session already holds the name (an earlier object for the same instance, e.g. after a reset).
        if ((error as { code?: unknown }).code !== DUPLICATE_STATEMENT) throw error;
        await db.exec(`DEALLOCATE ${spec.name}`);
        await db.exec(sql);
      }
    })();
    ready.catch(() => {
      ready = null;
    });
    return ready;
  };
  const execute = async <T>(values: readonly PreparedValue[]): Promise<T[]> => {
    await prepare();
    const [result] = await db.exec(`EXECUTE ${spec.name}(${values.map(literal).join(", ")})`);
    return (result?.rows ?? []) as T[];
  };
  return {
    async run<T>(values: readonly PreparedValue[]): Promise<T[]> {
      if (values.length !== spec.types.length)
        throw new Error(`${spec.name} takes ${spec.types.length} values, got ${values.length}`);
      if (!values.every(literalSafe)) return (await db.query<T>(spec.text, values as unknown[])).rows;
      try {
        return await execute<T>(values);
      } catch (error) {
        if ((error as { code?: unknown }).code !== UNKNOWN_STATEMENT) throw error;
        ready = null; // prepared again once, then the error stands
        return execute<T>(values);
      }
    },
  };
}

function literalSafe(value: PreparedValue): boolean {
  if (value === null) return true;
  if (typeof value === "string") return !value.includes("\u0000");
  return value.every((v) => !v.includes("\u0000"));
}

/** A standard-conforming literal: only the single quote needs doubling. */
function quote(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

function literal(value: PreparedValue): string {
  if (value === null) return "NULL";
  if (typeof value === "string") return quote(value);
  // An array literal ('{"a","b"}', untyped): PostgreSQL reads it with the parameter's own array type. Each
  // element double-quoted, with its backslashes and double quotes escaped as the array syntax wants.
  const elements = value.map((v) => `"${v.replaceAll("\\", "\\\\").replaceAll('"', '\\"')}"`);
  return quote(`{${elements.join(",")}}`);
}
