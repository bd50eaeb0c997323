import { existsSync } from "node:fs";

/** Debian's Chromium (tooling/scripts/ensure-chromium.sh installs it; no browser download is reachable here). */
const CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/lib/chromium/chromium"];

export function systemChromium(): string {
  const found = CANDIDATES.find((p) => existsSync(p));
  if (!found)
    throw new Error(
      `no system Chromium at ${CANDIDATES.join(", ")}: run tooling/scripts/ensure-chromium.sh (apt-get install chromium)`,
    );
  return found;
}
