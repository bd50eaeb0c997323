/** `@automatos/app-runtime/testing`: what the apps' and the main job's tests share (never used at runtime). */
export { childEnv } from "../process/env.js";
export { type ChildResult, type RunningChild, runTsx, startTsx } from "../process/run-tsx.js";
export { type StubBehaviour, startLlmStub } from "./llm-stub.js";
export * from "./memory-fixture.js";
