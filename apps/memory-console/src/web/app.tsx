import { useMemo, useState } from "react";
import type { ConsoleSession } from "../shared/session.js";
import { createClients } from "./api.js";
import { OperatorView } from "./operator/operator-view.js";
import { jwtClaims, signOut } from "./session-store.js";
import { UserView } from "./user/user-view.js";

type View = "user" | "operator";

export function App({ session }: { session: ConsoleSession | null }) {
  const clients = useMemo(() => (session ? createClients(session) : null), [session]);
  const canUser = !!clients && (clients.own !== null || clients.agents.length > 0);
  const [view, setView] = useState<View>(canUser ? "user" : "operator");

  if (!session || !clients) {
    return (
      <main id="main" className="signed-out">
        <h1>Memory</h1>
        <p>
          You are not signed in. Open the sign-in link you were given (on a development machine,{" "}
          <code>pnpm console</code> prints one).
        </p>
      </main>
    );
  }
  const claims = jwtClaims(session.jwt);
  return (
    <>
      <header className="top">
        <h1>Memory</h1>
        <p className="who">
          Signed in as <strong>{claims.sub ?? "?"}</strong> in workspace {claims.workspace_id ?? "?"}
        </p>
        <nav aria-label="Views">
          {canUser && (
            <button type="button" aria-pressed={view === "user"} onClick={() => setView("user")}>
              My memories
            </button>
          )}
          {clients.admin && (
            <button type="button" aria-pressed={view === "operator"} onClick={() => setView("operator")}>
              Operator
            </button>
          )}
          <button
            type="button"
            onClick={() => {
              signOut();
              window.location.reload();
            }}
          >
            Sign out
          </button>
        </nav>
      </header>
      <main id="main">
        {view === "user" && canUser && <UserView clients={clients} />}
        {view === "operator" && clients.admin && <OperatorView admin={clients.admin} />}
      </main>
    </>
  );
}
