/**
 * @automatos/memory-migration/testing: the legacy fixture and the real test mem0, for tests outside this
 * package that exercise the cutover end to end (packages/memory's cutover-modes test).
 */
export { uuid } from "./legacy-fixture.js";
export { seedTestLegacy } from "./seed-legacy.js";
export { memoriesOf, startTestMem0, type TestMem0 } from "./test-mem0.js";
