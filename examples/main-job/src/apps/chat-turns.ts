/**
 * Reads the terminal chat's output (`chat --show-memory`, input piped): per message, the reply (`bot> ...`,
 * possibly several lines), the recall lines and the remember line; what follows the last turn is the
 * output of commands such as /memories.
 */
export interface ChatTurn {
  lines: string[];
  text: string;
}

export function splitChatTurns(stdout: string): { turns: ChatTurn[]; rest: string[] } {
  const turns: ChatTurn[] = [];
  const rest: string[] = [];
  let current: string[] | null = null;
  for (const line of stdout.split("\n")) {
    if (line.startsWith("bot> ")) current = [line];
    else if (current) current.push(line);
    else if (line !== "") rest.push(line);
    if (current && /^ {2}remember: /.test(line)) {
      turns.push({ lines: current, text: current.join("\n") });
      current = null;
    }
  }
  return { turns, rest };
}

/** The id of the recalled memory with exactly this text, from a recall line `[n] score s scope "text" id=...`. */
export function recalledId(turn: ChatTurn, text: string): string | null {
  for (const line of turn.lines) {
    const m = /^ {4}\[\d+\] score [\d.]+ \S+ (".*") id=([0-9a-f-]{36})$/.exec(line);
    if (m?.[1] && m[2] && JSON.parse(m[1]) === text) return m[2];
  }
  return null;
}
