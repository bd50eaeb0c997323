/** What simulated chat users talk about (R7 and P11): one topic per turn, so memories and questions vary. */
export const CHAT_TOPICS = [
  "tea",
  "coffee",
  "hiking",
  "jazz",
  "python",
  "gardening",
  "chess",
  "cycling",
  "sushi",
  "piano",
] as const;
