/**
 * The chart.js parts every chart of the app draws with (the scorecard's trend, the what-if tornado
 * and timeline, the scenario comparison), registered once. chart.js is tree-shaken: a controller,
 * element or scale not registered throws when a chart is made.
 * Imported for its effect by each chart module.
 */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from "chart.js";

Chart.register(
  BarController,
  BarElement,
  LineController,
  LineElement,
  PointElement,
  CategoryScale,
  LinearScale,
  Tooltip,
  Legend,
  Filler,
);
