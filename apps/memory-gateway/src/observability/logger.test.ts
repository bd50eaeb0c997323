import fc from "fast-check";
import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { createGatewayLogger, REDACT_PATHS, REDACTED_CENSOR } from "./logger.js";

/** Lines written, without their timestamp (the two loggers write at different instants). */
function capture() {
  const lines: string[] = [];
  const stream = {
    write(s: string) {
      lines.push(s.replace(/"time":"[^"]+",/, ""));
      return true;
    },
  };
  return { lines, stream };
}

describe("createGatewayLogger redaction", () => {
  it("writes exactly what pino's own redact with `key` and `*.key` paths writes", () => {
    const ours = capture();
    const ref = capture();
    const logger = createGatewayLogger("info", ours.stream);
    const reference = pino(
      {
        level: "info",
        base: { service: "memory-gateway" },
        redact: { paths: [...REDACT_PATHS], censor: REDACTED_CENSOR },
        timestamp: pino.stdTimeFunctions.isoTime,
      },
      ref.stream,
    );
    const key = fc.constantFrom("query", "token", "headers", "input", "messages", "apiKey", "err", "a", "b");
    const leaf = fc.oneof(fc.string(), fc.integer(), fc.constant(undefined), fc.constant(null), fc.boolean());
    const value = fc.letrec((tie) => ({
      v: fc.oneof(
        { depthSize: "small" },
        leaf,
        fc.dictionary(key, tie("v"), { maxKeys: 4, noNullPrototype: true }),
        fc.array(tie("v"), { maxLength: 3 }),
      ),
    })).v;
    const record = fc.dictionary(key, value, { maxKeys: 5, noNullPrototype: true });
    fc.assert(
      fc.property(record, record, record, (logged, bindings, grandBindings) => {
        const before = JSON.stringify(logged);
        ours.lines.length = 0;
        ref.lines.length = 0;
        for (const [l, r] of [
          [logger, reference],
          [logger.child(bindings), reference.child(bindings)],
          [logger.child(bindings).child(grandBindings), reference.child(bindings).child(grandBindings)],
        ] as const) {
          l.info(logged, "m");
          r.info(logged, "m");
        }
        const err = Object.assign(new Error("boom"), { query: "select 1", token: "t", code: "E1" });
        logger.error({ err, headers: { authorization: "x" } }, "failed");
        reference.error({ err, headers: { authorization: "x" } }, "failed");
        expect(ours.lines).toEqual(ref.lines);
        expect(JSON.stringify(logged)).toBe(before); // what the caller logged is never mutated
      }),
      { numRuns: 2_000 },
    );
  });

  it("censors credentials and memory text at the top level, one level down and in errors", () => {
    const { lines, stream } = capture();
    const logger = createGatewayLogger("info", stream).child({ reqId: "r1", call: { token: "t" } });
    logger.info({ query: "tea", req: { headers: { a: "b" }, input: "x", ok: 1 } }, "m");
    logger.error({ err: Object.assign(new Error("e"), { apiKey: "k" }) }, "e");
    const [line, errLine] = lines.map((l) => JSON.parse(l));
    expect(line).toMatchObject({
      reqId: "r1",
      call: { token: REDACTED_CENSOR },
      query: REDACTED_CENSOR,
      req: { headers: REDACTED_CENSOR, input: REDACTED_CENSOR, ok: 1 },
    });
    expect(errLine.err.apiKey).toBe(REDACTED_CENSOR);
  });
});
