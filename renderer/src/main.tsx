import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app/App.tsx";
import { platformApi } from "./platform/api.ts";
import { createDocumentStore } from "./state/document-store.ts";
import { ServicesProvider } from "./state/context.tsx";

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");
const api = platformApi();

createRoot(root).render(
  <StrictMode>
    {api ? (
      <ServicesProvider api={api} store={createDocumentStore(api)}>
        <App />
      </ServicesProvider>
    ) : (
      <p className="outside-app">Scorecard Studio’s window opens inside the app. Start it with “npm start”.</p>
    )}
  </StrictMode>,
);
