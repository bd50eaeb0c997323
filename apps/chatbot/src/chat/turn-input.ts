/**
 * A chat turn as the HTTP API and the terminal receive it. Conversation and turn ids end up in the
 * remember idempotency key, so they share its alphabet.
 */
import { z } from "zod";

const ID = /^[A-Za-z0-9._:-]{1,64}$/;
const idMessage = "must be 1-64 letters, digits, '.', '_', ':' or '-'";

export const MAX_MESSAGE_CHARS = 8_000;

export const chatTurnInputSchema = z.strictObject({
  conversationId: z.string().regex(ID, idMessage),
  message: z.string().trim().min(1, "must not be empty").max(MAX_MESSAGE_CHARS),
  /** Include the memories used, their scores and the recall timings in the result. */
  showMemory: z.boolean().optional(),
  /** Client-chosen id of this turn: a retry with the same id is remembered once. Default: a fresh UUID. */
  turnId: z.string().regex(ID, idMessage).optional(),
});

export type ChatTurnInput = z.infer<typeof chatTurnInputSchema>;
