/**
 * The demo workflow: plan a team dinner in three steps that pass facts to each other through run memory.
 *   gather        reads the user's memory (read-only) for the request; notes the request and what it found
 *   choose-venue  reads the run's notes; notes a venue rule that follows from them
 *   summarise     reads every note of the run and writes the plan
 * The steps are plain code on purpose (deterministic, offline); a step may also call ctx.model.
 */
import type { WorkflowDefinition } from "../workflow/definition.js";

export interface TeamDinnerInput {
  request: string;
}

export const teamDinnerWorkflow: WorkflowDefinition<TeamDinnerInput> = {
  id: "team-dinner",
  steps: [
    {
      name: "gather",
      async run({ input, memory }) {
        await memory.note(`Request: ${input.request}`);
        const recalled = await memory.recall(input.request, ["user"]);
        for (const m of recalled.used.slice(0, 2)) await memory.note(`From the user's memory: ${m.text}`);
        return {
          summary: `noted the request and ${Math.min(recalled.used.length, 2)} fact(s) from the user's memory`,
        };
      },
    },
    {
      name: "choose-venue",
      async run({ memory }) {
        const notes = await memory.notes();
        const vegetarian = notes.some((n) => /vegetarian|vegan/i.test(n.text));
        const rule = vegetarian
          ? "Venue rule: choose a restaurant with a full vegetarian menu."
          : "Venue rule: any well-rated restaurant.";
        await memory.note(rule);
        return { summary: `read ${notes.length} note(s) from earlier steps; ${rule}` };
      },
    },
    {
      name: "summarise",
      async run({ memory }) {
        const notes = await memory.notes();
        return {
          summary: `read ${notes.length} note(s) of this run and wrote the plan`,
          data: { plan: notes.map((n) => n.text) },
        };
      },
    },
  ],
};
