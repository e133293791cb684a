/**
 * tableToCsv cleans every piece of text it writes, headers included: a period label is a header
 * of the actuals table, and what the app exports its own importer must read back.
 */
import { describe, expect, it } from "vitest";
import { csvSheet } from "../../shared/interchange/csv-sheet.ts";
import { tableToCsv } from "../../shared/interchange/csv-text.ts";
import { exportTable } from "../../shared/interchange/workbook-tables.ts";
import { fixtureDocument } from "../support/store-fixture.ts";

describe("tableToCsv", () => {
  it("leaves control characters out of headers as out of cells, and guards them", () => {
    const doc = structuredClone(fixtureDocument().doc);
    doc.periods[0] = { ...doc.periods[0]!, label: "Q1\u0000x\u001f" };
    doc.periods[1] = { ...doc.periods[1]!, label: "=Q2" };
    const csv = tableToCsv(exportTable(doc, "actuals"));
    expect(csv.replace(/[\t\n\r]/g, "")).not.toMatch(/\p{Cc}/u);
    const read = csvSheet(csv, "actuals");
    expect(read.ok && read.sheet.rows[0]).toEqual(expect.arrayContaining(["Q1x", "'=Q2"]));
  });
});
