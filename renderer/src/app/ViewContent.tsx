import { ActualsGrid } from "../actuals/ActualsGrid.tsx";
import { FrameworkEditor } from "../editor/FrameworkEditor.tsx";
import { StrategyMapView } from "../map/StrategyMapView.tsx";
import { ScenariosView } from "../scenarios/ScenariosView.tsx";
import { ScorecardView } from "../scorecard/ScorecardView.tsx";
import type { ViewKey } from "../state/document-store.ts";
import { WhatIfView } from "../whatif/WhatIfView.tsx";

/** The content of a view, in the window and in workshop mode. */
export function ViewContent({ view }: { view: ViewKey }) {
  switch (view) {
    case "scorecard":
      return <ScorecardView />;
    case "framework":
      return <FrameworkEditor />;
    case "actuals":
      return <ActualsGrid />;
    case "strategy-map":
      return <StrategyMapView />;
    case "what-if":
      return <WhatIfView />;
    case "scenarios":
      return <ScenariosView />;
  }
}
