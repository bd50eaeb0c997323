import { aisha } from "./persona-aisha.js";
import { daniel } from "./persona-daniel.js";
import { elena } from "./persona-elena.js";
import { grace } from "./persona-grace.js";
import { hiroshi } from "./persona-hiroshi.js";
import { liam } from "./persona-liam.js";
import { marcus } from "./persona-marcus.js";
import { maya } from "./persona-maya.js";
import { ravi } from "./persona-ravi.js";
import { sofia } from "./persona-sofia.js";
import type { PersonaSpec } from "./spec.js";

/** Every persona of the relevance set, in a fixed order (one persona = one tenant). */
export const PERSONAS: PersonaSpec[] = [
  maya,
  daniel,
  sofia,
  hiroshi,
  aisha,
  liam,
  grace,
  marcus,
  elena,
  ravi,
];
