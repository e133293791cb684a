/** What a window shows with no document: new from a template, open a file, a recent file, or the demo. */
import { useEffect, useState } from "react";
import type { RecentEntry } from "../../../shared/api/contract.ts";
import { useApi, useStoreApi } from "../state/context.tsx";
import { createDocument, openChosenFile, openToken } from "./document-actions.ts";
import { TemplatePicker } from "./TemplatePicker.tsx";

export function StartScreen() {
  const api = useApi();
  const store = useStoreApi();
  const [recent, setRecent] = useState<RecentEntry[]>([]);
  const [busy, setBusy] = useState(false);

  // Fetched again after every action: main drops a recent file that failed to open.
  const [listed, setListed] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `listed` changes to ask for the list again.
  useEffect(() => {
    let live = true;
    void api.listRecent({}).then((result) => {
      if (live && result.ok) setRecent(result.value);
    });
    return () => {
      live = false;
    };
  }, [api, listed]);

  const run = async (task: () => Promise<unknown>) => {
    setBusy(true);
    try {
      await task();
    } finally {
      setBusy(false);
      setListed((n) => n + 1);
    }
  };

  return (
    <main className="start" tabIndex={-1}>
      <header className="start-header">
        <h1>Scorecard Studio</h1>
        <p className="muted">
          IT balanced scorecards: how IT performance leads to business value, and where to invest.
        </p>
      </header>
      <div className="start-grid">
        <section className="start-new" aria-labelledby="start-new-title">
          <h2 id="start-new-title">New from a template</h2>
          <TemplatePicker busy={busy} onCreate={(t) => void run(() => createDocument(api, store, t.key, t.name))} />
        </section>
        <section className="start-open" aria-labelledby="start-open-title">
          <h2 id="start-open-title">Open</h2>
          <div className="start-actions">
            <button type="button" disabled={busy} onClick={() => void run(() => openChosenFile(api, store))}>
              Open…
            </button>
            <button
              type="button"
              disabled={busy}
              onClick={() => void run(() => createDocument(api, store, "demo", "Northwind demo"))}
            >
              Open the demo scorecard…
            </button>
          </div>
          <h3 className="recent-title">Recent</h3>
          {recent.length === 0 ? (
            <p className="muted">No recent scorecards.</p>
          ) : (
            <ul className="recent-list">
              {recent.map((entry) => (
                <li key={entry.token}>
                  <button
                    type="button"
                    className="recent-item"
                    disabled={busy}
                    title={`${entry.location}/${entry.fileName}`}
                    onClick={() => void run(() => openToken(api, store, entry.token))}
                  >
                    <span className="truncate">{entry.fileName}</span>
                    <span className="muted truncate">{entry.location}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </main>
  );
}
