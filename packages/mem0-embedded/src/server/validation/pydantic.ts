/**
 * Field parsers that accept and reject what the self-hosted server's Pydantic v2 models accept and reject
 * (lax mode: "5" is an int, "true" a bool, 5 is NOT a str), and a translation of zod's errors into FastAPI's
 * 422 body `{"detail":[{type, loc, msg, input, ctx?}]}`.
 */
import { z } from "zod";

export type LocRoot = "body" | "query" | "path";

export interface PydanticError {
  type: string;
  loc: (string | number)[];
  msg: string;
  input: unknown;
  ctx?: Record<string, unknown>;
}

type Ctx = z.RefinementCtx;

function fail(ctx: Ctx, type: string, msg: string, extra?: Record<string, unknown>): never {
  ctx.addIssue({ code: "custom", message: msg, params: { type, ...(extra ? { ctx: extra } : {}) } });
  return z.NEVER as never;
}

function missing(ctx: Ctx): never {
  return fail(ctx, "missing", "Field required");
}

export const str = () =>
  z.unknown().transform((v, ctx): string => {
    if (v === undefined) return missing(ctx);
    return typeof v === "string" ? v : fail(ctx, "string_type", "Input should be a valid string");
  });

const TRUE = new Set(["true", "1", "yes", "on", "t", "y"]);
const FALSE = new Set(["false", "0", "no", "off", "f", "n"]);

export const bool = () =>
  z.unknown().transform((v, ctx): boolean => {
    if (v === undefined) return missing(ctx);
    if (typeof v === "boolean") return v;
    if (v === 0 || v === 1) return v === 1;
    if (typeof v === "string") {
      const s = v.trim().toLowerCase();
      if (TRUE.has(s)) return true;
      if (FALSE.has(s)) return false;
      return fail(ctx, "bool_parsing", "Input should be a valid boolean, unable to interpret input");
    }
    return fail(ctx, "bool_type", "Input should be a valid boolean");
  });

export const int = (bounds: { ge?: number; le?: number } = {}) =>
  z.unknown().transform((v, ctx): number => {
    if (v === undefined) return missing(ctx);
    let n: number;
    if (typeof v === "number") n = v;
    else if (typeof v === "string" && /^\s*[+-]?\d+\s*$/.test(v)) n = Number(v);
    else if (typeof v === "string")
      return fail(
        ctx,
        "int_parsing",
        "Input should be a valid integer, unable to parse string as an integer",
      );
    else return fail(ctx, "int_type", "Input should be a valid integer");
    if (!Number.isFinite(n)) return fail(ctx, "finite_number", "Input should be a finite number");
    if (!Number.isInteger(n))
      return fail(
        ctx,
        "int_from_float",
        "Input should be a valid integer, got a number with a fractional part",
      );
    if (bounds.ge !== undefined && n < bounds.ge)
      return fail(ctx, "greater_than_equal", `Input should be greater than or equal to ${bounds.ge}`, {
        ge: bounds.ge,
      });
    if (bounds.le !== undefined && n > bounds.le)
      return fail(ctx, "less_than_equal", `Input should be less than or equal to ${bounds.le}`, {
        le: bounds.le,
      });
    return n;
  });

export const float = () =>
  z.unknown().transform((v, ctx): number => {
    if (v === undefined) return missing(ctx);
    if (typeof v === "number")
      return Number.isFinite(v) ? v : fail(ctx, "finite_number", "Input should be a finite number");
    if (typeof v === "string" && v.trim() !== "" && Number.isFinite(Number(v))) return Number(v);
    if (typeof v === "string")
      return fail(ctx, "float_parsing", "Input should be a valid number, unable to parse string as a number");
    return fail(ctx, "float_type", "Input should be a valid number");
  });

export const dict = () =>
  z.unknown().transform((v, ctx): Record<string, unknown> => {
    if (v === undefined) return missing(ctx);
    if (v !== null && typeof v === "object" && !Array.isArray(v)) return v as Record<string, unknown>;
    return fail(ctx, "dict_type", "Input should be a valid dictionary");
  });

export const literal = <T extends string>(values: readonly T[]) =>
  z.unknown().transform((v, ctx): T => {
    if (v === undefined) return missing(ctx);
    if (typeof v === "string" && (values as readonly string[]).includes(v)) return v as T;
    const quoted = values.map((x) => `'${x}'`);
    const expected = quoted.length > 1 ? `${quoted.slice(0, -1).join(", ")} or ${quoted.at(-1)}` : quoted[0];
    return fail(ctx, "enum", `Input should be ${expected}`, { expected });
  });

/** Maps zod issues to FastAPI's 422 items; `root` is the raw input the locations point into. */
export function toPydanticErrors(
  error: z.ZodError,
  locRoot: LocRoot,
  root: unknown,
  modelName = "object",
): PydanticError[] {
  return error.issues.map((issue) => {
    const path = issue.path.map((p) => (typeof p === "symbol" ? String(p) : p));
    const loc = [locRoot, ...path];
    const params = (issue as { params?: { type?: string; ctx?: Record<string, unknown> } }).params;
    if (params?.type === "missing")
      return { type: "missing", loc, msg: "Field required", input: at(root, path.slice(0, -1)) ?? null };
    const input = at(root, path);
    if (params?.type)
      return {
        type: params.type,
        loc,
        msg: issue.message,
        input,
        ...(params.ctx ? { ctx: params.ctx } : {}),
      };
    if (issue.code === "invalid_type") {
      const expected = (issue as { expected?: string }).expected;
      if (input === undefined)
        return { type: "missing", loc, msg: "Field required", input: at(root, path.slice(0, -1)) ?? null };
      if (expected === "array") return { type: "list_type", loc, msg: "Input should be a valid list", input };
      if (expected === "object" && path.length === 0)
        return {
          type: "model_attributes_type",
          loc,
          msg: "Input should be a valid dictionary or object to extract fields from",
          input,
        };
      if (expected === "object")
        return {
          type: "model_type",
          loc,
          msg: `Input should be a valid dictionary or instance of ${modelName}`,
          input,
        };
    }
    return { type: "value_error", loc, msg: issue.message, input };
  });
}

function at(root: unknown, path: (string | number)[]): unknown {
  let cur = root;
  for (const key of path) {
    if (cur === null || typeof cur !== "object") return undefined;
    cur = (cur as Record<string | number, unknown>)[key];
  }
  return cur;
}
