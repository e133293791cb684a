/**
 * The map as a picture: a self-contained SVG (every colour and size resolved from the theme and
 * written as attributes, no CSS variables, no classes, no links out; the map's own font family,
 * so names break where they did on screen) and a PNG drawn from it at twice its size. Main checks
 * both again before it writes them.
 */
import { FONT_FAMILY } from "./text-fit.ts";

const SVG_NS = "http://www.w3.org/2000/svg";
/** The presentation properties the map's style sheet sets; each is written out resolved. */
const PROPERTIES = [
  "fill",
  "fill-opacity",
  "stroke",
  "stroke-width",
  "stroke-opacity",
  "stroke-dasharray",
  "stroke-linecap",
  "stroke-linejoin",
  "opacity",
  "font-size",
  "font-weight",
  "text-anchor",
  "paint-order",
] as const;
/** Attributes that only matter on screen (interaction, accessibility tree, styling hooks). */
const SCREEN_ONLY = /^(class|style|tabindex|role|focusable|aria-.*|data-.*)$/;

/**
 * A standalone SVG document of `content` (drawn in map units) with the `defs` it refers to
 * (arrowheads), `width` × `height` map units on a `background`.
 */
export function standaloneSvg(
  content: SVGGElement,
  defs: SVGDefsElement | null,
  width: number,
  height: number,
): string {
  const svg = document.createElementNS(SVG_NS, "svg");
  svg.setAttribute("xmlns", SVG_NS);
  svg.setAttribute("width", String(Math.ceil(width)));
  svg.setAttribute("height", String(Math.ceil(height)));
  svg.setAttribute("viewBox", `0 0 ${Math.ceil(width)} ${Math.ceil(height)}`);
  svg.setAttribute("font-family", FONT_FAMILY);
  const background = document.createElementNS(SVG_NS, "rect");
  background.setAttribute("width", "100%");
  background.setAttribute("height", "100%");
  background.setAttribute(
    "fill",
    getComputedStyle(content.ownerSVGElement ?? content)
      .getPropertyValue("--surface")
      .trim() || "#ffffff",
  );
  svg.append(background);
  for (const source of defs ? [defs, content] : [content]) svg.append(resolvedCopy(source));
  return new XMLSerializer().serializeToString(svg);
}

/** A deep copy of `source` with computed styles written as attributes and screen-only parts left out. */
function resolvedCopy(source: Element): Element {
  const copy = source.cloneNode(true) as Element;
  const from = [source, ...source.querySelectorAll("*")];
  const to = [copy, ...copy.querySelectorAll("*")];
  const drop: Element[] = [];
  const styles = new Map<Element, CSSStyleDeclaration>();
  const styleOf = (el: Element) => {
    let style = styles.get(el);
    if (!style) {
      style = getComputedStyle(el);
      styles.set(el, style);
    }
    return style;
  };
  from.forEach((el, i) => {
    const out = to[i] as Element;
    const style = styleOf(el);
    if (el.hasAttribute("data-export-skip") || style.display === "none" || style.visibility === "hidden") {
      drop.push(out);
      return;
    }
    // Written where it differs from the parent's (these properties inherit, opacity starts at 1),
    // and everything on the copy's top element: the file stays small and reads the same.
    const parent = el === source || !el.parentElement ? null : styleOf(el.parentElement);
    for (const name of PROPERTIES) {
      const value = style.getPropertyValue(name).trim();
      if (value === "" || (parent && parent.getPropertyValue(name).trim() === value)) continue;
      out.setAttribute(name, value);
    }
    for (const attr of [...out.attributes]) if (SCREEN_ONLY.test(attr.name)) out.removeAttribute(attr.name);
  });
  for (const el of drop) el.remove();
  return copy;
}

/** The PNG of an SVG document at `scale` × its size, as base64 (without the data: prefix). */
export async function pngOf(svgText: string, width: number, height: number, scale = 2): Promise<string> {
  const url = URL.createObjectURL(new Blob([svgText], { type: "image/svg+xml" }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement("canvas");
    canvas.width = Math.ceil(width) * scale;
    canvas.height = Math.ceil(height) * scale;
    const ctx = canvas.getContext("2d");
    if (!ctx) throw new Error("This window cannot draw pictures.");
    ctx.drawImage(image, 0, 0, canvas.width, canvas.height);
    const data = canvas.toDataURL("image/png");
    return data.slice(data.indexOf(",") + 1);
  } finally {
    URL.revokeObjectURL(url);
  }
}
