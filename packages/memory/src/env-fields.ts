/**
 * zod fields for environment variables, shared by every env.ts that configures a memory host or client (the
 * gateway's, the apps' through @automatos/app-runtime): one definition of what "unset", "an http(s) URL" and
 * "an integer in a range" mean, with messages that name the rule and never echo the value.
 */
import { z } from "zod";

/** Empty means unset (a common .env habit), not "invalid". */
export const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();

/** An http(s) URL; `what` says what it should point at. */
export const httpUrl = (what: string) =>
  optionalString.refine((v) => v === undefined || (/^https?:\/\//.test(v) && URL.canParse(v)), {
    message: `must be an http(s) URL (${what})`,
  });

/** An integer in min..max; unset or empty means `fallback`. */
export const intIn = (min: number, max: number, fallback: number) =>
  optionalString.transform((v, ctx) => {
    if (v === undefined) return fallback;
    const n = Number(v);
    if (!Number.isInteger(n) || n < min || n > max) {
      ctx.addIssue({ code: "custom", message: `must be an integer in ${min}..${max}` });
      return z.NEVER;
    }
    return n;
  });

/** One of `values`; unset or empty means `fallback`. */
export const oneOf = <T extends string>(values: readonly [T, ...T[]], fallback: T) =>
  optionalString.transform((v, ctx) => {
    if (v === undefined) return fallback;
    if ((values as readonly string[]).includes(v)) return v as T;
    ctx.addIssue({ code: "custom", message: `must be one of ${values.join(", ")}` });
    return z.NEVER;
  });
