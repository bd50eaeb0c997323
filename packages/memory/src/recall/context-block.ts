/**
 * Steps 5 + 6 together: choose the memories that fit the token budget, then render the fenced block.
 * The exact block is counted at the end and trailing memories are dropped until it fits, so `tokens` is the
 * real count of what goes into the prompt.
 */
import { selectWithinBudget } from "./budget.js";
import {
  FENCE_PREAMBLE,
  type FencedMemory,
  fenceClose,
  fenceOpen,
  renderContextBlock,
  renderMemoryLine,
} from "./fence.js";
import { countTokens } from "./tokens.js";

export interface ContextBlock<T> {
  context: string;
  used: T[];
  overBudget: T[];
  tokens: number;
}

export function buildContextBlock<T extends FencedMemory>(
  memories: readonly T[],
  opts: { tokenBudget: number; nonce: string; count?: (text: string) => number },
): ContextBlock<T> {
  const count = opts.count ?? countTokens;
  const overhead = count(`${fenceOpen(opts.nonce)}\n${FENCE_PREAMBLE}\n${fenceClose(opts.nonce)}`);
  // The index width is not known before selection; charge the widest one this call can produce.
  const widest = String(memories.length);
  const selection = selectWithinBudget(
    memories,
    (m) => count(`\n${renderMemoryLine(Number(widest), m)}`),
    opts.tokenBudget,
    overhead,
  );
  const used = [...selection.kept];
  const overBudget = [...selection.dropped];
  for (;;) {
    const context = renderContextBlock(
      used.map((m, i) => renderMemoryLine(i + 1, m)),
      opts.nonce,
    );
    const tokens = context === "" ? 0 : count(context);
    if (tokens <= opts.tokenBudget || used.length === 0) return { context, used, overBudget, tokens };
    overBudget.unshift(used.pop() as T);
  }
}
