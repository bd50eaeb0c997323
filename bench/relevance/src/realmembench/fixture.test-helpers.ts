/** A tiny persona file in RealMemBench's shape, built by the tests themselves (no third-party data). */
export const query = (content: string, id: string) => ({
  speaker: "User",
  content,
  is_query: true,
  query_id: id,
  category_name: "Dynamic Updating",
});
export const say = (speaker: "User" | "Assistant", content: string) => ({
  speaker,
  content,
  is_query: false,
});
export const answer = (used: unknown[]) => ({
  speaker: "Assistant",
  content: "Sure.",
  is_query: false,
  memory_used: used.map((content) => ({ session_uuid: "x", content })),
});
export const memory = (content: unknown) => ({ index: 0, type: "fact", content, session_uuid: "x" });

export function personaFile(name: string) {
  return {
    _metadata: { person_name: name, total_sessions: 3 },
    dialogues: [
      {
        session_uuid: "s0",
        dialogue_turns: [say("User", "Hi"), query("What do you remember?", "Q-0001"), answer([])],
        extracted_memory: [
          memory(`${name} adopted a greyhound called Biscuit.`),
          memory({ topic: "diet", value: "vegetarian" }),
        ],
      },
      {
        session_uuid: "s1",
        dialogue_turns: [
          query("What is my dog called?", "Q-0002"),
          // the object in another key order, and one item no earlier session holds
          answer([
            `${name} adopted a greyhound called Biscuit.`,
            { value: "vegetarian", topic: "diet" },
            "never",
          ]),
        ],
        extracted_memory: [memory(`${name} moved to Leeds in March.`)],
      },
      {
        session_uuid: "s2",
        dialogue_turns: [
          query(`Where do I live? ${"x".repeat(9_000)}`, "Q-0003"),
          answer([`${name} moved to Leeds in March.`]),
        ],
        extracted_memory: [],
      },
    ],
  };
}
