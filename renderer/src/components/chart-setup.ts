/**
 * The chart.js parts the what-if and comparison charts draw with, registered once (chart.js is
 * tree-shaken: a controller, element or scale not registered throws when a chart is made).
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
