import { createHash } from "node:crypto";

/** The id seedCleanChatRows gives row g: md5('clean-' || g)::uuid. */
export function cleanRowId(g: number): string {
  const h = createHash("md5").update(`clean-${g}`).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
