/**
 * `startEmbeddedMem0`: the embedded default mem0 (see README). By default the engine runs in a child
 * process, supervised (restarted on the same URL when it exits or stops answering: src/supervisor);
 * `processModel: "in-process"` keeps it in this one (tests, or a process that does nothing else).
 */
import { type EmbeddedMem0Options, parseOptions } from "./options.js";
import { type EmbeddedMem0, startInProcess } from "./start-in-process.js";
import {
  type EngineSupervision,
  type SupervisionOptions,
  superviseEngine,
} from "./supervisor/engine-supervisor.js";

export interface StartedEmbeddedMem0 extends EmbeddedMem0 {
  /** The child's supervisor (restart count, last exit cause); null in process, where nothing is supervised. */
  supervision: EngineSupervision | null;
}

export async function startEmbeddedMem0(
  options: EmbeddedMem0Options,
  supervision: SupervisionOptions = {},
): Promise<StartedEmbeddedMem0> {
  const parsed = parseOptions(options);
  if ((parsed.processModel ?? "child-process") === "child-process")
    return superviseEngine(parsed, supervision);
  return { ...(await startInProcess(parsed)), supervision: null };
}
