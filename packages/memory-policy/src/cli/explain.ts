// Entry point of `pnpm policy:explain`: only process I/O here; the logic is runExplain (tested).
import { runExplain } from "./explain-command.js";
import { emitOutcome } from "./process-output.js";

emitOutcome(runExplain(process.argv.slice(2)));
