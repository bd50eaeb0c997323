/**
 * The demo tenants and memories `pnpm console` seeds (and the browser test checks): two users of one
 * workspace, each with memories of their own (written as the chatbot) and notes an agent keeps about them.
 * `source` is metadata the seeding app sets; the page shows it as "from <app>".
 */
export const DEMO_WORKSPACE = "demo";
export const DEMO_AGENT = "trip-planner";
export const DEMO_OPERATOR = "operator";

export interface DemoMemory {
  scope: "user" | "agent-user";
  text: string;
  source: string;
}

export const DEMO_USERS: Record<"alice" | "bob", DemoMemory[]> = {
  alice: [
    { scope: "user", text: "Alice is vegetarian and avoids mushrooms", source: "chatbot" },
    { scope: "user", text: "Alice lives in Lisbon and works as a nurse", source: "chatbot" },
    { scope: "user", text: "Alice prefers short answers with bullet points", source: "chatbot" },
    { scope: "agent-user", text: "Alice likes window seats on long flights", source: "agents" },
    { scope: "agent-user", text: "Alice's passport expires in March 2027", source: "agents" },
  ],
  bob: [
    { scope: "user", text: "Bob is allergic to peanuts", source: "chatbot" },
    { scope: "user", text: "Bob plays the cello in a community orchestra", source: "chatbot" },
    { scope: "agent-user", text: "Bob always books aisle seats", source: "agents" },
  ],
};
