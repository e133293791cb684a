/**
 * Imports and exports on main's worker thread (electron/interchange/worker-thread.ts), with the
 * worker bundled as `npm run build:main` bundles it: the same results and the same errors as in
 * the calling thread, main's event loop free while a large file is read, and a worker that runs
 * out of memory failing its job with a clear message instead of taking main with it.
 */
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { FileWriteFailed } from "../../electron/file/errors.ts";
import { ImportRefused } from "../../electron/interchange/errors.ts";
import { inThisThread } from "../../electron/interchange/interchange.ts";
import { InterchangeThread } from "../../electron/interchange/worker-thread.ts";
import { syntheticScorecard } from "../bench/synthetic.ts";
import { WORKBOOK_SHEETS } from "../support/docs.ts";
import { fileWriter, tempDir } from "../support/files.ts";
import { interchangeWorkerScript } from "../support/interchange-worker.ts";
import { fixtureDocument } from "../support/store-fixture.ts";

let dir = "";
let write: ReturnType<typeof fileWriter>;
let thread: InterchangeThread;
beforeAll(() => {
  dir = tempDir("scorecard-interchange-");
  write = fileWriter(dir);
  thread = new InterchangeThread(interchangeWorkerScript());
});
afterAll(async () => {
  await thread.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Up to 5 s, checking every 10 ms: a worker takes a moment to start and to stop. */
const WAIT = { timeout: 5_000, interval: 10 };

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (e: unknown) => e as Error,
  );

/** A CSV of actuals in the long layout, `rows` rows. */
const longCsv = (rows: number) =>
  ["measure,period,value", ...Array.from({ length: rows }, (_, i) => `Measure ${i % 997},P${i % 36},${i / 7}`)].join(
    "\n",
  );

describe("the worker thread", () => {
  it("reads a file into the same cells as the calling thread", async () => {
    const file = write("actuals.csv", longCsv(50));
    expect(await thread.readImportFile(file)).toEqual(await inThisThread.readImportFile(file));
  });

  it("refuses a file with the same ImportRefused and message", async () => {
    const file = write("junk.csv", Buffer.from([0x25, 0x50, 0x44, 0x46, 0, 1, 2]));
    const here = await failure(inThisThread.readImportFile(file));
    const there = await failure(thread.readImportFile(file));
    expect(there).toBeInstanceOf(ImportRefused);
    expect(there?.message).toBe(here?.message);
    expect(there?.message).toMatch(/^junk\.csv: not a CSV or Excel file/);
  });

  it("builds the same exports: JSON and CSV text, the workbook as bytes it can read back", async () => {
    const { doc } = fixtureDocument();
    expect(await thread.exportData(doc, "json")).toBe(await inThisThread.exportData(doc, "json"));
    expect(await thread.exportData(doc, { csv: "actuals" })).toBe(
      await inThisThread.exportData(doc, { csv: "actuals" }),
    );
    const xlsx = await thread.exportData(doc, "xlsx");
    expect(xlsx).toBeInstanceOf(Uint8Array);
    const read = await thread.readImportFile(write("book.xlsx", Buffer.from(xlsx as Uint8Array)));
    expect(read.sheets.map((s) => s.name)).toEqual(WORKBOOK_SHEETS);
  });

  it("an error that is not a refusal keeps its message", async () => {
    const { doc } = fixtureDocument();
    const broken = { ...doc, measures: null } as unknown as typeof doc;
    const here = await failure(inThisThread.exportData(broken, "xlsx"));
    const there = await failure(thread.exportData(broken, "xlsx"));
    expect(here).toBeInstanceOf(Error);
    expect(there?.message).toBe(here?.message);
    expect(there).not.toBeInstanceOf(ImportRefused);
    expect(there?.stack).toContain("interchange-worker.cjs"); // the worker's stack, for the log
  });

  it("leaves main's event loop free while it reads a large file (the calling thread does not)", async () => {
    const file = write("large.csv", longCsv(200_000));
    const ticksDuring = async (read: () => Promise<unknown>) => {
      let ticks = 0;
      const timer = setInterval(() => ticks++, 5);
      await read();
      clearInterval(timer);
      return ticks;
    };
    expect(await ticksDuring(() => inThisThread.readImportFile(file))).toBe(0);
    expect(await ticksDuring(() => thread.readImportFile(file))).toBeGreaterThan(2);
  });
});

describe("a worker that runs out of memory", () => {
  it("fails its job with a clear refusal, and the next job gets a fresh worker", async () => {
    const small = new InterchangeThread(interchangeWorkerScript(), { resourceLimits: { maxOldGenerationSizeMb: 24 } });
    try {
      const large = write("too-much.csv", longCsv(400_000));
      const error = await failure(small.readImportFile(large));
      expect(error).toBeInstanceOf(ImportRefused);
      expect(error?.message).toBe(
        "too-much.csv: the file could not be read (it needs more memory than an import or export may use)",
      );
      const next = await small.readImportFile(write("after.csv", longCsv(3)));
      expect(next.sheets[0]?.rows).toHaveLength(4);
    } finally {
      await small.close();
    }
  });

  it("an export that outgrows it fails with a message, not a crash", async () => {
    const small = new InterchangeThread(interchangeWorkerScript(), { resourceLimits: { maxOldGenerationSizeMb: 24 } });
    try {
      const doc = syntheticScorecard({ measures: 2_000, periods: 36 });
      const error = await failure(small.exportData(doc, "xlsx"));
      expect(error).toBeInstanceOf(FileWriteFailed); // shown to the user as it is, not as an internal error
      expect(error?.message).toBe("The export stopped: it needs more memory than an import or export may use.");
    } finally {
      await small.close();
    }
  });
});

describe("closing", () => {
  it("fails the jobs still running, and a job asked for right after gets a new worker", async () => {
    const closing = new InterchangeThread(interchangeWorkerScript());
    try {
      const running = failure(closing.readImportFile(write("slow.csv", longCsv(100_000))));
      const closed = closing.close();
      const next = closing.readImportFile(write("next.csv", longCsv(2)));
      expect((await running)?.message).toBe("slow.csv: the file could not be read (it was cancelled)");
      await closed;
      expect((await next).sheets[0]?.rows).toHaveLength(3);
    } finally {
      await closing.close();
    }
  });

  it("a document that cannot be sent fails its job with the reason, and the worker still rests", async () => {
    const fresh = new InterchangeThread(interchangeWorkerScript(), { idleMs: 1 });
    try {
      const { doc } = fixtureDocument();
      const uncloneable = { ...doc, title: (() => "x") as unknown as string };
      await expect(fresh.exportData(uncloneable, "json")).rejects.toThrow(/could not be cloned/);
      await vi.waitFor(() => expect(fresh.running).toBe(false), WAIT);
      expect(await fresh.exportData(doc, { csv: "measures" })).toContain("\r\n");
    } finally {
      await fresh.close();
    }
  });
});

describe("an idle worker", () => {
  it("ends after its quiet time, and the next job starts another", async () => {
    const brief = new InterchangeThread(interchangeWorkerScript(), { idleMs: 1 });
    try {
      const file = write("twice.csv", longCsv(2));
      await brief.readImportFile(file);
      await vi.waitFor(() => expect(brief.running).toBe(false), WAIT);
      expect((await brief.readImportFile(file)).sheets[0]?.rows).toHaveLength(3);
      expect(brief.running).toBe(true);
    } finally {
      await brief.close();
    }
  });
});

describe("a worker that hangs or breaks", () => {
  /** A stand-in worker script: what the real one could do on a hostile file, or if it were broken. */
  const script = (name: string, code: string) => write(name, code);

  it("a job past its time limit is refused with the limit, and the worker is ended", async () => {
    const silent = script("silent.cjs", 'require("node:worker_threads").parentPort.on("message", () => {});');
    const hung = new InterchangeThread(silent, { jobMs: 100 });
    try {
      const error = await failure(hung.readImportFile(write("loop.xlsx", "x")));
      expect(error).toBeInstanceOf(ImportRefused);
      expect(error?.message).toBe("loop.xlsx: the file could not be read (it took longer than 0.1 seconds)");
      expect(hung.running).toBe(false);
    } finally {
      await hung.close();
    }
  });

  it("a worker that fails is our error, not the file's: not a refusal, and its cause is kept for the log", async () => {
    const broken = script("broken.cjs", 'throw new Error("cannot load /opt/app/module");');
    const thread = new InterchangeThread(broken);
    try {
      const error = await failure(thread.readImportFile(write("fine.csv", longCsv(2))));
      expect(error).not.toBeInstanceOf(ImportRefused);
      expect(error?.message).toBe("The interchange worker failed: cannot load /opt/app/module");
      expect(error?.cause).toMatchObject({ message: "cannot load /opt/app/module" });
    } finally {
      await thread.close();
    }
  });
});
