/**
 * The chat turns the start-up warm-up sends (warm-up-gateway.ts): ordinary facts and questions about everyday
 * topics, so the recall, the outbox and the engine's embedder, search and add run the code real turns run.
 * Each text names its turn, so no two are equal (the text-vector cache would otherwise answer them).
 */
const TOPICS = [
  "gardening",
  "cycling to work",
  "learning Spanish",
  "baking sourdough bread",
  "a trip to Lisbon",
  "running a half marathon",
  "jazz piano",
  "a new job in logistics",
  "planning a wedding",
  "rock climbing",
  "vegetarian cooking",
  "a rescue dog called Miso",
];

const FACTS = [
  (t: string) => `I have been spending my weekends on ${t} and I enjoy it a lot.`,
  (t: string) => `Please remember that ${t} matters to me this year.`,
];
const QUESTIONS = [
  (t: string) => `What did I tell you about ${t}?`,
  (t: string) => `Any ideas for ${t} that I have not tried yet?`,
];

export interface WarmUpTurn {
  query: string;
  messages: { role: "user" | "assistant"; content: string }[];
}

export function warmUpTurn(turn: number): WarmUpTurn {
  const topic = TOPICS[turn % TOPICS.length] as string;
  const forms = turn % 2 === 0 ? FACTS : QUESTIONS;
  const form = forms[Math.floor(turn / 2) % forms.length] as (t: string) => string;
  const query = `${form(topic)} (warm-up turn ${turn})`;
  return {
    query,
    messages: [
      { role: "user", content: query },
      { role: "assistant", content: `Noted, ${topic} it is. (warm-up turn ${turn} reply)` },
    ],
  };
}
