import { type ConsoleSession, decodeSession } from "../shared/session.js";

const KEY = "automatos-memory-console";

/**
 * Takes the sign-in from the URL fragment (then removes it from the address bar and the history, so the
 * tokens are not left on screen or in a bookmark) and keeps it in sessionStorage: this tab only, gone when
 * it closes.
 */
export function loadSession(): ConsoleSession | null {
  const fromLink = decodeSession(window.location.hash);
  if (fromLink) {
    sessionStorage.setItem(KEY, JSON.stringify(fromLink));
    history.replaceState(null, "", window.location.pathname + window.location.search);
    return fromLink;
  }
  const kept = sessionStorage.getItem(KEY);
  return kept ? (JSON.parse(kept) as ConsoleSession) : null;
}

export function signOut(): void {
  sessionStorage.removeItem(KEY);
}

/** The JWT's own claims, for display only (the gateway verifies it; the page never trusts it). */
export function jwtClaims(jwt: string): { sub?: string; workspace_id?: string; exp?: number } {
  try {
    const payload = jwt.split(".")[1] ?? "";
    return JSON.parse(atob(payload.replace(/-/g, "+").replace(/_/g, "/")));
  } catch {
    return {};
  }
}
