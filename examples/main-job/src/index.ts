/** @automatos/main-job: the scripted scenario across the chatbot, agents and workflows (see README). */
export { MAIN_JOB_RECALL_BUDGET_MS, type MainJobStack, openMainJobStack } from "./open-stack.js";
export { type MainJobResult, runMainJob, USERS } from "./run-main-job.js";
export { CHAT_SCRIPT } from "./scenes/chat-scene.js";
export { type Check, Transcript } from "./transcript.js";
