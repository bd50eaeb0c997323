export type { ContractContext, ContractTarget, RawReply } from "./contract-context.js";
export { createContractContext } from "./contract-context.js";
export { runServerContract } from "./server-contract.js";
export { type ContractCase, serverContractCases } from "./server-contract-cases.js";
