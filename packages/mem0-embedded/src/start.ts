/**
 * `startEmbeddedMem0`: the embedded default mem0 (see README). By default the engine runs in a child
 * process; `processModel: "in-process"` keeps it in this one (tests, or a process that does nothing else).
 */
import { startInChildProcess } from "./child/spawn-engine-process.js";
import { type EmbeddedMem0Options, parseOptions } from "./options.js";
import { type EmbeddedMem0, startInProcess } from "./start-in-process.js";

export async function startEmbeddedMem0(options: EmbeddedMem0Options): Promise<EmbeddedMem0> {
  const parsed = parseOptions(options);
  return (parsed.processModel ?? "child-process") === "child-process"
    ? startInChildProcess(parsed)
    : startInProcess(parsed);
}
