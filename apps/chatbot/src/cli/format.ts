/**
 * Plain-text rendering of a turn's remember outcome for the terminal chat. The recall report and the memory
 * list are rendered by `@automatos/app-runtime` (the agents and workflows demos print them too).
 */
import type { RememberOutcome } from "../chat/chat-service.js";

export function formatRemembered(outcome: RememberOutcome, indent = "  "): string {
  switch (outcome.status) {
    case "queued":
      return `${indent}remember: queued (job ${outcome.jobId}${outcome.duplicate ? ", duplicate" : ""})`;
    case "skipped":
      return `${indent}remember: skipped (trivial turn)`;
    case "failed":
      return `${indent}remember: FAILED (${outcome.error}); the reply was sent anyway`;
  }
}
