/** The words of main's native dialogs, as data: the adapter shows them, the tests read them. */
import type { ApiError } from "../../shared/api/errors.ts";
import { APP_NAME } from "../documents/document-windows.ts";

export interface MessageBox {
  type: "error" | "warning" | "info" | "question";
  message: string;
  detail: string;
  buttons: string[];
}

/** A refused file or a failed write: what happened, then the problems row by row. */
export function errorBox(title: string, error: ApiError): MessageBox {
  const problems = error.problems?.length
    ? `\n\nProblems found:\n${error.problems.map((p) => `• ${p}`).join("\n")}`
    : "";
  const hint =
    error.kind === "locked"
      ? "\n\nClose the file in the other window or program, then open it again."
      : error.kind === "file-refused"
        ? "\n\nThe file was not changed."
        : "";
  return {
    type: error.kind === "locked" ? "warning" : "error",
    message: title,
    detail: `${error.message}${hint}${problems}`,
    buttons: ["OK"],
  };
}

export function aboutBox(versions: { app: string; electron: string; chrome: string; node: string }): MessageBox {
  return {
    type: "info",
    message: `${APP_NAME} ${versions.app}`,
    detail: [
      "IT balanced-scorecard planning, offline.",
      "",
      `Electron ${versions.electron} · Chromium ${versions.chrome} · Node ${versions.node}`,
    ].join("\n"),
    buttons: ["OK"],
  };
}
