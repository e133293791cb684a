import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { version } from "../../package.json";
import { demoScorecard } from "../../shared/templates/demo.ts";
import { App } from "./App.tsx";

// Until files can be opened (a later issue), the app shows the built-in demo scorecard.
const doc = demoScorecard({ newId: () => crypto.randomUUID(), now: new Date().toISOString(), appVersion: version });

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");
createRoot(root).render(
  <StrictMode>
    <App doc={doc} />
  </StrictMode>,
);
