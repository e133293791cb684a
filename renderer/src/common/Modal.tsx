/** A modal dialog on the platform's <dialog>: focus stays inside, Escape closes it (unless busy), focus returns after. */
import { type ReactNode, useEffect, useRef } from "react";
import type { ApiError } from "../../../shared/api/errors.ts";

/** A failure told inside the dialog: the window's notice bar is under the modal, out of sight. */
export interface DialogError {
  title: string;
  error: ApiError;
}

export function DialogErrorText({ failure }: { failure: DialogError | null }) {
  if (!failure) return null;
  return (
    <div className="dialog-error" role="alert">
      <strong>{failure.title}</strong>
      <p>{failure.error.message}</p>
      {(failure.error.problems ?? []).slice(0, 10).map((problem, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: problems may repeat; their order is stable.
        <p key={i}>{problem}</p>
      ))}
    </div>
  );
}

export function Modal({
  title,
  onClose,
  busy = false,
  closeLabel = "Close",
  children,
}: {
  title: string;
  onClose: () => void;
  /**
   * Work the dialog must outlive is under way (a save that prints its page): Escape does not close
   * the <dialog> (the platform would at once); ✕ still calls `onClose`, which decides.
   */
  busy?: boolean;
  /** The ✕ button's name (what it does while busy, say). */
  closeLabel?: string;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className="modal"
      aria-label={title}
      aria-busy={busy || undefined}
      onCancel={(e) => {
        if (busy) e.preventDefault();
      }}
      onClose={() => {
        // A second Escape in a row closes a <dialog> whatever its cancel handler says: open it
        // again, and let `onClose` decide (close once the work is done, say).
        if (busy && ref.current && !ref.current.open) ref.current.showModal();
        onClose();
      }}
    >
      <header className="modal-header">
        <h2>{title}</h2>
        <button type="button" className="ghost" onClick={onClose} aria-label={closeLabel}>
          ✕
        </button>
      </header>
      {children}
    </dialog>
  );
}
