/** The agents this app ships with (the demo and the main job use the trip planner). */
import type { AgentDefinition } from "./agent-definition.js";

export const DEFAULT_AGENTS: readonly AgentDefinition[] = [
  {
    id: "trip-planner",
    name: "Trip planner",
    instructions:
      "You plan and book business trips for the user you act for. Apply the user's known travel " +
      "preferences and the workspace's travel rules from the recalled memories; say which ones you applied.",
  },
  {
    id: "meeting-scribe",
    name: "Meeting scribe",
    instructions:
      "You turn meeting notes into short summaries with action items, following the user's known " +
      "formatting preferences from the recalled memories.",
  },
];
