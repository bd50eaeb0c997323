import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { createGatewayLogger, flushLogs } from "./logger.js";

describe("flushLogs", () => {
  it("writes a line logged while a buffered write is in flight", async () => {
    const dir = mkdtempSync(join(tmpdir(), "flush-logs-"));
    try {
      const file = join(dir, "gateway.log");
      const destination = pino.destination({ dest: file, minLength: 4096, sync: false });
      await new Promise((resolve) => destination.once("ready", resolve));
      const logger = createGatewayLogger("info", destination);
      // Fill the buffer until the destination starts an asynchronous write (sonic-boom's own flag: the
      // state this test is about has no public reading); the next line is a tail shorter than minLength.
      const inFlight = () => (destination as unknown as { _writing: boolean })._writing;
      let fillers = 0;
      while (!inFlight()) logger.info({ i: fillers++, pad: "x".repeat(60) }, "filler");
      logger.info({ url: "http://127.0.0.1:4000" }, "gateway listening");
      await flushLogs(logger);
      const lines = readFileSync(file, "utf8").trim().split("\n");
      expect(lines).toHaveLength(fillers + 1);
      expect(JSON.parse(lines.at(-1) as string)).toMatchObject({ msg: "gateway listening" });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
