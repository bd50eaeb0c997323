/**
 * The main job's output: readable lines written as they happen, plus named checks that decide the exit
 * code. Line wording is stable (tests and READMEs quote it); only ids and milliseconds vary between runs.
 */
export interface Check {
  name: string;
  ok: boolean;
}

export class Transcript {
  readonly checks: Check[] = [];

  constructor(private readonly write: (line: string) => void) {}

  line(text = ""): void {
    for (const l of text.split("\n")) this.write(l);
  }

  lines(texts: readonly string[]): void {
    for (const t of texts) this.line(t);
  }

  section(title: string): void {
    this.write("");
    this.write(`== ${title} ==`);
  }

  check(name: string, ok: boolean): void {
    this.checks.push({ name, ok });
  }

  get failed(): Check[] {
    return this.checks.filter((c) => !c.ok);
  }
}

export function indent(text: string, by = "  "): string {
  return text
    .split("\n")
    .map((l) => `${by}${l}`)
    .join("\n");
}
