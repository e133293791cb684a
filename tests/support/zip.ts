/**
 * A small zip writer for hostile-file tests: real archives, and archives that lie (a declared
 * size smaller than the real one, an "encrypted" flag, absurd ratios), plus a minimal XLSX
 * written by hand so a test can put exactly the XML it needs inside (a forged <dimension>, a
 * million-character cell).
 */
import zlib from "node:zlib";

export interface ZipEntry {
  name: string;
  data: Buffer | string;
  /** Stored (0) or deflated (8, the default). */
  method?: 0 | 8;
  /** The uncompressed size written in the headers, when it should lie. */
  declaredSize?: number;
  /** Sets the "encrypted" flag (the data itself is not encrypted). */
  encrypted?: boolean;
  /** Already-deflated bytes to use as is. */
  deflated?: { bytes: Buffer; size: number; crc: number };
}

export function zip(entries: readonly ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, "utf8");
    const raw = typeof e.data === "string" ? Buffer.from(e.data, "utf8") : e.data;
    const method = e.method ?? 8;
    const body = e.deflated?.bytes ?? (method === 8 ? zlib.deflateRawSync(raw) : raw);
    const size = e.declaredSize ?? e.deflated?.size ?? raw.length;
    const crc = e.deflated?.crc ?? zlib.crc32(raw);
    const flags = (e.encrypted ? 1 : 0) | 0x800;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc >>> 0, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** `size` zero bytes, deflated: a few kilobytes that inflate to megabytes. */
export function deflatedZeros(size: number): NonNullable<ZipEntry["deflated"]> {
  const zeros = Buffer.alloc(size);
  return { bytes: zlib.deflateRawSync(zeros, { level: 9 }), size, crc: zlib.crc32(zeros) };
}

/** The XML of a minimal XLSX with one sheet (the parts exceljs needs), and the sheet's XML as given. */
export function xlsxParts(sheetXml: string, sheetName = "Sheet1"): ZipEntry[] {
  return xlsxSheets([[sheetName, sheetXml]]);
}

/** A minimal XLSX with the sheets given as [name, XML], in order. */
export function xlsxSheets(sheets: ReadonlyArray<readonly [string, string]>): ZipEntry[] {
  const numbers = sheets.map((_, i) => i + 1);
  const override = (n: number) =>
    `<Override PartName="/xl/worksheets/sheet${n}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`;
  const relationship = (n: number) =>
    `<Relationship Id="rId${n}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${n}.xml"/>`;
  const sheet = (n: number) => `<sheet name="${sheets[n - 1]?.[0]}" sheetId="${n}" r:id="rId${n}"/>`;
  return [
    {
      name: "[Content_Types].xml",
      data: `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${numbers.map(override).join("")}</Types>`,
    },
    {
      name: "_rels/.rels",
      data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    {
      name: "xl/workbook.xml",
      data: `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${numbers.map(sheet).join("")}</sheets></workbook>`,
    },
    {
      name: "xl/_rels/workbook.xml.rels",
      data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${numbers.map(relationship).join("")}</Relationships>`,
    },
    ...numbers.map((n) => ({ name: `xl/worksheets/sheet${n}.xml`, data: sheets[n - 1]?.[1] ?? "" })),
  ];
}

/** A worksheet's XML around `<row>` elements (and a <dimension> that may claim anything). */
export function sheetXml(rows: string, dimension = "A1"): string {
  return `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="${dimension}"/><sheetData>${rows}</sheetData></worksheet>`;
}
