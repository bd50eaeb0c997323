/**
 * Steps 5 + 6 together: choose the memories that fit the token budget, then render the fenced block.
 *
 * Every line of the block is counted once, with the line break that follows it, and the block's count is the
 * sum: `tokens` is the exact count of what goes into the prompt without counting the block again. That sum is
 * exact because o200k_base's pre-tokeniser never lets a piece run past a line break into the next line here:
 * a line break joins the piece before it (the line's last character, always `>`, `.` or `"`), and a piece
 * after it starts afresh, since no line starts with a space, a line break or `/` (the only characters that
 * the regex lets follow a line break within one piece). fence.test.ts checks the sum against a count of the
 * whole block for arbitrary memory texts. Counting the block again, the preamble and the fence lines on
 * every call was most of recall's own CPU time (a profile of the gateway, 2026-12-05).
 */
import { selectWithinBudget } from "./budget.js";
import {
  FENCE_PREAMBLE,
  type FencedMemory,
  fenceClose,
  fenceOpen,
  NONCE_DIGITS,
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

type Count = (text: string) => number;

/**
 * What a block costs besides its memories: both fence lines and the preamble, each with its line break. With
 * o200k (countTokens) and a nonce of createNonce's shape (decimal digits: every run of up to three is one
 * token) that is the same on every call, so it is counted once per process; any other nonce or counter is
 * counted as it comes.
 */
let standardFenceCost: number | undefined;
const DECIMAL_NONCE = new RegExp(`^[0-9]{${NONCE_DIGITS}}$`);

function fenceCost(count: Count, nonce: string): number {
  const measure = (n: string) =>
    count(`${fenceOpen(n)}\n`) + count(`${FENCE_PREAMBLE}\n`) + count(fenceClose(n));
  if (count !== countTokens || !DECIMAL_NONCE.test(nonce)) return measure(nonce);
  standardFenceCost ??= measure("0".repeat(NONCE_DIGITS));
  return standardFenceCost;
}

export function buildContextBlock<T extends FencedMemory>(
  memories: readonly T[],
  opts: { tokenBudget: number; nonce: string; count?: Count },
): ContextBlock<T> {
  const count = opts.count ?? countTokens;
  // The fence and the preamble, charged once and only if a memory is taken.
  const overhead = fenceCost(count, opts.nonce);
  // A memory's line is rendered and counted at the index it takes if kept (items are taken in order), with
  // its line break. lines[k] ends as the line of the k-th kept memory: an item tried at index k and dropped
  // is overwritten by the next one tried there, and once one is kept the next is tried at k + 1.
  const lines: string[] = [];
  const selection = selectWithinBudget(
    memories,
    (m, kept) => {
      const line = renderMemoryLine(kept + 1, m);
      lines[kept] = line;
      return count(`${line}\n`);
    },
    opts.tokenBudget,
    overhead,
  );
  lines.length = selection.kept.length;
  return {
    context: renderContextBlock(lines, opts.nonce),
    used: selection.kept,
    overBudget: selection.dropped,
    tokens: selection.tokens,
  };
}
