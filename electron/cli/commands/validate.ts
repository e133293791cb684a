/**
 * `scorecard validate FILE`: the whole untrusted-file pipeline the app runs when opening (SPEC §4),
 * read-only. Prints "ok" and any warnings; a refused file gets its one-line reason on stderr
 * (exit 1) and, when there is more than that one problem, every problem on stdout, row by row.
 */
import path from "node:path";
import { FileRefused } from "../../file/errors.ts";
import { SCHEMA_VERSION } from "../../file/migrations.ts";
import { type LoadedFile, readScorecardFile } from "../../file/open.ts";
import { parseCommand } from "../args.ts";
import type { Command } from "../command.ts";
import { contents, problemRows, refusalRows } from "../format.ts";

export const validateCommand: Command = {
  name: "validate",
  usage: [["validate FILE", "check a scorecard file the way the app checks it before opening"]],
  run(argv, { out, resolve }) {
    const [file] = parseCommand(argv, {}, ["FILE"]).positionals;
    let loaded: LoadedFile;
    try {
      loaded = readScorecardFile(resolve(file));
    } catch (e) {
      if (e instanceof FileRefused) out.lines(...refusalRows(e.problems));
      throw e;
    }
    const { document: doc, warnings, schemaVersion } = loaded;
    const older = schemaVersion < SCHEMA_VERSION ? `, upgraded to ${SCHEMA_VERSION} when opened for editing` : "";
    out.lines(
      `ok: ${path.basename(file)} (file schema version ${schemaVersion}${older}; ${contents(doc)})`,
      ...problemRows(warnings),
    );
  },
};
