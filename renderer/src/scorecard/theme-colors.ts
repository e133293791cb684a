/**
 * The theme's colours for canvas drawing: chart.js cannot read CSS variables, so they are read
 * from the document, and read again when the system switches between light and dark or workshop
 * mode puts its high-contrast colours on the root (`data-workshop`).
 */
import { useEffect, useState } from "react";

const NAMES = [
  "text",
  "muted",
  "border",
  "surface",
  "focus",
  "green",
  "amber",
  "red",
  // Series that are not statuses: scenarios side by side.
  "series-1",
  "series-2",
  "series-3",
  "series-4",
] as const;
export type ThemeColors = Record<(typeof NAMES)[number], string>;

function readColors(): ThemeColors {
  const style = getComputedStyle(document.documentElement);
  return Object.fromEntries(NAMES.map((name) => [name, style.getPropertyValue(`--${name}`).trim()])) as ThemeColors;
}

export function useThemeColors(): ThemeColors {
  const [colors, setColors] = useState(readColors);
  useEffect(() => {
    const scheme = matchMedia("(prefers-color-scheme: dark)");
    const reread = () => setColors(readColors());
    scheme.addEventListener("change", reread);
    const root = new MutationObserver(reread);
    root.observe(document.documentElement, { attributes: true, attributeFilter: ["data-workshop"] });
    return () => {
      scheme.removeEventListener("change", reread);
      root.disconnect();
    };
  }, []);
  return colors;
}

/** "#1a7f37" at 15 % opacity, for fills; other colour forms are returned as they are. */
export function withAlpha(color: string, alpha: number): string {
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color);
  if (!hex) return color;
  const [r, g, b] = hex.slice(1).map((h) => Number.parseInt(h, 16));
  return `rgba(${r}, ${g}, ${b}, ${alpha})`;
}
