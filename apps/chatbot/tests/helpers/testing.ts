/** `@automatos/chatbot/testing`: helpers the apps' and the main job's tests share (never used at runtime). */
export { childEnv } from "./env.js";
export { type StubBehaviour, startLlmStub } from "./llm-stub.js";
export * from "./memory-fixture.js";
export { type ChildResult, type RunningChild, runTsx, startTsx } from "./run-child.js";
