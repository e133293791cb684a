/**
 * Workshop mode (SPEC §5): what a consultant puts on the projector. Full screen (main is asked by
 * the store), large type and high contrast, a presenter bar with one key per screen, and on the
 * first screen the strategy map beside the what-if panel, so the room sees a slider move the
 * cards. The other screens are the window's own views, scaled up.
 */
import "./workshop.css";
import { useEffect, useRef } from "react";
import { OverallChip } from "../app/OverallChip.tsx";
import { ViewContent } from "../app/ViewContent.tsx";
import { StrategyMap } from "../map/StrategyMap.tsx";
import { useDocumentStore, useStoreApi } from "../state/context.tsx";
import type { ViewKey } from "../state/document-store.ts";
import { scoresOf } from "../state/scores.ts";
import { InvestmentSliders } from "../whatif/InvestmentSliders.tsx";
import { ProjectedScores } from "../whatif/ProjectedScores.tsx";
import { useSettledScenario } from "../whatif/slider-spend.ts";
import { WORKSHOP_SCREENS, workshopKeyOf } from "./workshop-keys.ts";

function useWorkshopKeys() {
  const store = useStoreApi();
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const action = workshopKeyOf(event, event.target instanceof Element ? event.target : null);
      if (!action) return;
      event.preventDefault();
      const s = store.getState();
      if (action.kind === "exit") void s.setWorkshop(false);
      else s.setView(action.view);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [store]);
}

function ScreenNav() {
  const view = useDocumentStore((s) => s.view);
  const setView = useDocumentStore((s) => s.setView);
  return (
    <nav className="workshop-screens" aria-label="Workshop screens">
      {WORKSHOP_SCREENS.map((screen) => (
        <button
          key={screen.key}
          type="button"
          aria-current={view === screen.view ? "page" : undefined}
          aria-keyshortcuts={screen.key}
          onClick={() => setView(screen.view)}
        >
          <kbd>{screen.key}</kbd> {screen.label}
        </button>
      ))}
    </nav>
  );
}

/** The map in projection mode; it follows once the sliders rest, as in the what-if view, so a step stays within a frame. */
function ProjectedMap() {
  const scenario = useSettledScenario();
  return scenario ? <StrategyMap projection={scenario.result} large /> : null;
}

/** Screen 1: the map beside the sliders, the projected scores under the map. */
function SideBySide() {
  return (
    <div className="workshop-split">
      <div className="workshop-left">
        <section className="workshop-map" aria-label="Strategy map, projected">
          <ProjectedMap />
        </section>
        <ProjectedScores large />
      </div>
      <section className="workshop-whatif" aria-label="What-if">
        <InvestmentSliders large />
      </section>
    </div>
  );
}

function Screen({ view }: { view: ViewKey }) {
  if (view === "what-if") return <SideBySide />;
  if (view === "strategy-map")
    return (
      <section className="workshop-map workshop-map-only" aria-label="Strategy map, projected">
        <ProjectedMap />
      </section>
    );
  return (
    <div className="workshop-zoom">
      <ViewContent view={view} />
    </div>
  );
}

/**
 * While workshop mode shows: the root carries `data-workshop` (the high-contrast colours, canvas
 * charts included) and the stage has the focus; afterwards focus returns to the header's
 * Workshop button, so a keyboard user is where they left off.
 */
function useWorkshopRoot(stage: React.RefObject<HTMLElement | null>) {
  useEffect(() => {
    const root = document.documentElement;
    root.setAttribute("data-workshop", "");
    stage.current?.focus();
    return () => {
      root.removeAttribute("data-workshop");
      requestAnimationFrame(() => document.querySelector<HTMLElement>("[data-workshop-button]")?.focus());
    };
  }, [stage]);
}

export function WorkshopWindow() {
  const doc = useDocumentStore((s) => s.doc);
  const view = useDocumentStore((s) => s.view);
  const periodId = useDocumentStore((s) => s.periodId);
  const setWorkshop = useDocumentStore((s) => s.setWorkshop);
  const stage = useRef<HTMLElement>(null);
  useWorkshopKeys();
  useWorkshopRoot(stage);
  if (!doc) return null;
  return (
    <div className="workshop" data-testid="workshop">
      <header className="workshop-bar">
        <h1 className="truncate" title={doc.scorecard.title}>
          {doc.scorecard.title}
        </h1>
        <OverallChip scores={scoresOf(doc)} periodId={periodId} />
        <ScreenNav />
        <button
          type="button"
          className="workshop-exit"
          aria-keyshortcuts="Escape"
          onClick={() => void setWorkshop(false)}
        >
          Exit workshop <kbd>Esc</kbd>
        </button>
      </header>
      <main className="workshop-stage" tabIndex={-1} ref={stage} aria-label="Workshop">
        <Screen view={view} />
      </main>
    </div>
  );
}
