/**
 * "Export SVG" and "Export PNG": the drawn map made self-contained (export-image.ts), a file asked
 * for (chooseFileToSave) and the picture sent to main, which checks it again before writing.
 */
import type { RefObject } from "react";
import type { ScorecardDocument } from "../../../shared/domain/types.ts";
import { plainText } from "../../../shared/domain/readable-path.ts";
import { useApi, useStoreApi } from "../state/context.tsx";
import { pngOf, standaloneSvg } from "./export-image.ts";
import type { MapLayout } from "./geometry.ts";

export interface ExportInput {
  doc: ScorecardDocument;
  layout: MapLayout;
  /** The drawn map (in map units) and its arrowheads. */
  contentRef: RefObject<SVGGElement | null>;
  defsRef: RefObject<SVGDefsElement | null>;
  /** Whether the map is in focus mode (something selected), which the picture leaves out. */
  focused: boolean;
  setMessage: (message: string | null) => void;
}

export function useMapExport({ doc, layout, contentRef, defsRef, focused, setMessage }: ExportInput) {
  const store = useStoreApi();
  const api = useApi();
  return async (format: "svg" | "png") => {
    const content = contentRef.current;
    if (!content) return;
    // The picture is the whole map: the selection and its highlight are left out.
    content.classList.remove("focus-mode");
    const svg = standaloneSvg(content, defsRef.current, layout.width, layout.height);
    if (focused) content.classList.add("focus-mode");
    const base =
      plainText(doc.scorecard.title)
        .replace(/[\\/:*?"<>|]/g, "")
        .slice(0, 80) || "Strategy map";
    const chosen = await api.chooseFileToSave({
      purpose: format === "svg" ? "export-svg" : "export-png",
      suggestedName: `${base} - strategy map.${format}`,
    });
    if (!chosen.ok) return store.getState().report("Could not export the map", chosen.error);
    if (!chosen.value) return;
    let data = svg;
    if (format === "png") {
      try {
        data = await pngOf(svg, layout.width, layout.height, 2);
      } catch (error) {
        setMessage(`The PNG could not be drawn: ${error instanceof Error ? error.message : String(error)}`);
        return;
      }
    }
    const written = await api.exportImage({ file: chosen.value.token, format, data });
    if (!written.ok) store.getState().report("Could not export the map", written.error);
    else setMessage(null);
  };
}
