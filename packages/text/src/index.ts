/**
 * @automatos/text: the one text normaliser of the repository. Pure functions, no I/O.
 * See README.md for who uses it and why one list of stop words serves them all.
 */
export { contentStems, MIN_PREFIX_STEM, sharesStem, stem, stemsMatch } from "./stems.js";
export { STOP_WORDS } from "./stop-words.js";
export { words } from "./words.js";
