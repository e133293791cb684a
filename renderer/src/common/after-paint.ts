/**
 * Resolves once the browser has painted what was rendered before the call: the task after the next
 * animation frame (rAF runs before the paint). In a hidden window frames do not come, so it resolves
 * after 50 ms anyway (the work that waits needs no screen).
 */
export function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, 50);
    requestAnimationFrame(() => {
      clearTimeout(timer);
      setTimeout(resolve, 0);
    });
  });
}
