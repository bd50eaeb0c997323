import { realMemBenchDirFromEnv } from "../env.js";
import { inHouseEvalSet } from "../eval-set/inhouse.js";
import type { EvalSet, Split } from "../eval-set/types.js";
import { loadRealMemBench } from "../realmembench/load.js";
import { DEFAULT_REALMEMBENCH_DIR } from "../realmembench/source.js";

export type SetChoice = "realmembench" | "inhouse" | "both";

/** The chosen sets' `split` halves; a set that cannot be loaded (data absent) is skipped with its message. */
export function loadSets(
  split: Split,
  choice: SetChoice,
): { sets: EvalSet[]; skipped: Record<string, string> } {
  const sets: EvalSet[] = [];
  const skipped: Record<string, string> = {};
  if (choice === "realmembench" || choice === "both") {
    const rmb = loadRealMemBench(realMemBenchDirFromEnv() ?? DEFAULT_REALMEMBENCH_DIR, split);
    if ("skipped" in rmb) skipped.realmembench = rmb.skipped;
    else sets.push(rmb);
  }
  if (choice === "inhouse" || choice === "both") sets.push(inHouseEvalSet(split));
  return { sets, skipped };
}
