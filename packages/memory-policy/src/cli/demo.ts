// Entry point of `pnpm policy:demo` (the interim main job): prints the walk-through built by demo-walkthrough.ts.
import { buildWalkthrough } from "./demo-walkthrough.js";
import { emitOutcome } from "./process-output.js";

emitOutcome({ exitCode: 0, stdout: `${buildWalkthrough().join("\n")}\n`, stderr: "" });
