/** What did not work, said plainly, with the validator's or main's problems listed; stays until dismissed. */
import { useDocumentStore } from "../state/context.tsx";

export function NoticeBar() {
  const notice = useDocumentStore((s) => s.notice);
  const dismiss = useDocumentStore((s) => s.dismissNotice);
  if (!notice) return null;
  return (
    <div className="notice" role="alert">
      <div className="notice-text">
        <strong>{notice.title}</strong>
        <p>{notice.message}</p>
        {notice.problems.length > 1 && (
          <ul>
            {notice.problems.slice(0, 20).map((problem, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: problems may repeat; their order is stable.
              <li key={i}>{problem}</li>
            ))}
            {notice.problems.length > 20 && <li>… and {notice.problems.length - 20} more</li>}
          </ul>
        )}
      </div>
      <button
        type="button"
        className="ghost"
        aria-label="Dismiss message"
        onClick={() => {
          dismiss();
          // The button goes away with the notice: focus goes to the view rather than the page's body.
          document.querySelector<HTMLElement>("main")?.focus();
        }}
      >
        Dismiss
      </button>
    </div>
  );
}
