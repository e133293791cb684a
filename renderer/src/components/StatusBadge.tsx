import { STATUS_TEXT } from "../../../shared/scoring/status.ts";
import type { Status } from "../../../shared/scoring/view.ts";

/**
 * One distinct shape per status, drawn as SVG so it looks the same with any font: the shapes of
 * STATUS_TEXT's icons (circle, triangle, square, ring) with a check, "!", cross or dash inside.
 */
export function StatusIcon({ status }: { status: Status }) {
  return (
    <svg className="status-icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      {status === "green" && (
        <>
          <circle className="shape" cx="8" cy="8" r="7.5" />
          <path className="mark" d="M4.6 8.3l2.3 2.3 4.6-4.8" />
        </>
      )}
      {status === "amber" && (
        <>
          <path className="shape" d="M8 .8l7.6 13.6H.4z" />
          <path className="mark" d="M8 5.6v4" />
          <circle className="dot" cx="8" cy="12.2" r="1" />
        </>
      )}
      {status === "red" && (
        <>
          <rect className="shape" x="1" y="1" width="14" height="14" rx="3.5" />
          <path className="mark" d="M5.3 5.3l5.4 5.4m0-5.4l-5.4 5.4" />
        </>
      )}
      {status === "none" && (
        <>
          <circle className="ring" cx="8" cy="8" r="6.5" />
          <path className="mark" d="M5 8h6" />
        </>
      )}
    </svg>
  );
}

/** Status as colour, shape and words together (SPEC §2: colour is never the only signal). */
export function StatusBadge({ status }: { status: Status }) {
  return (
    <span className={`status status-${status}`} data-status={status}>
      <StatusIcon status={status} />
      {STATUS_TEXT[status].label}
    </span>
  );
}
