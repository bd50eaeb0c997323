/** Command-line option parsing for `pnpm migrate:legacy`: each parser names its flag in the error. */
import { InvalidArgumentError } from "commander";

export type Action = "dry-run" | "run" | "resume" | "verify" | "status" | "set-mode";

export interface CliOptions {
  dryRun?: boolean;
  run?: boolean;
  resume?: boolean;
  verify?: boolean;
  status?: boolean;
  setMode?: "legacy" | "dual" | "mem0";
  workspace?: string;
  concurrency: number;
  rate?: number;
  pageSize: number;
  infer: boolean;
  workflowScope: "agent" | "run";
  defaultWorkspace?: string;
  addTimeoutMs: number;
  maxConsecutiveFailures: number;
  sampleQueries: number;
  topK: number;
  minOverlap: number;
  reportJson?: string;
  progress: boolean;
  legacyUrl?: string;
  databaseUrl?: string;
  mem0Url?: string;
  updatedBy: string;
}

export const intIn =
  (flag: string, min: number, max: number) =>
  (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min || n > max) {
      throw new InvalidArgumentError(`${flag} must be an integer from ${min} to ${max}`);
    }
    return n;
  };

export const numberIn =
  (flag: string, min: number, max: number) =>
  (value: string): number => {
    const n = Number(value);
    if (!Number.isFinite(n) || n < min || n > max)
      throw new InvalidArgumentError(`${flag} must be from ${min} to ${max}`);
    return n;
  };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const uuidFlag =
  (flag: string) =>
  (value: string): string => {
    if (!UUID.test(value)) throw new InvalidArgumentError(`${flag} must be a workspace UUID`);
    return value.toLowerCase();
  };

export function onOff(value: string): boolean {
  if (value === "on" || value === "true") return true;
  if (value === "off" || value === "false") return false;
  throw new InvalidArgumentError("--infer must be on or off");
}

export function oneOf<T extends string>(flag: string, allowed: readonly T[]) {
  return (value: string): T => {
    if (!(allowed as readonly string[]).includes(value)) {
      throw new InvalidArgumentError(`${flag} must be one of ${allowed.join(", ")}`);
    }
    return value as T;
  };
}

/** Exactly one action per invocation. */
export function actionOf(o: CliOptions): Action {
  const chosen: Action[] = [];
  if (o.dryRun) chosen.push("dry-run");
  if (o.run) chosen.push("run");
  if (o.resume) chosen.push("resume");
  if (o.verify) chosen.push("verify");
  if (o.status) chosen.push("status");
  if (o.setMode) chosen.push("set-mode");
  if (chosen.length !== 1) {
    throw new InvalidArgumentError(
      chosen.length === 0
        ? "choose one of --dry-run, --run, --resume, --verify, --status, --set-mode <mode>"
        : `choose only one of ${chosen.map((a) => `--${a}`).join(", ")}`,
    );
  }
  const action = chosen[0] as Action;
  if (action === "set-mode" && !o.workspace)
    throw new InvalidArgumentError("--set-mode needs --workspace <uuid>");
  return action;
}
