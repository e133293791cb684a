/**
 * One what-if worker (Monte Carlo and optimizer) per mounted view, ended with it; null during the
 * first render, before the effect has started it.
 */
import { useEffect, useState } from "react";
import { WhatIfWorker } from "./whatif-worker.ts";

export function useWhatIfWorker(): WhatIfWorker | null {
  const [worker, setWorker] = useState<WhatIfWorker | null>(null);
  useEffect(() => {
    const w = new WhatIfWorker();
    setWorker(w);
    return () => w.terminate();
  }, []);
  return worker;
}
