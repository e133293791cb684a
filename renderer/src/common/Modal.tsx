/** A modal dialog on the platform's <dialog>: focus stays inside, Escape closes it, focus returns after. */
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

export function Modal({ title, onClose, children }: { title: string; onClose: () => void; children: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog ref={ref} className="modal" aria-label={title} onClose={onClose}>
      <header className="modal-header">
        <h2>{title}</h2>
        <button type="button" className="ghost" onClick={onClose} aria-label="Close">
          ✕
        </button>
      </header>
      {children}
    </dialog>
  );
}
