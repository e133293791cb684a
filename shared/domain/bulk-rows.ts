/**
 * Fast acceptance of the rows that come by the ten or hundred thousand (actuals, per-period
 * targets, measures).
 * The zod schemas stay the definition: a row these checks accept is one the schema accepts
 * unchanged (a property test holds them to that), and any row they do not accept goes through
 * the schema for its exact messages. About 20× faster than the schema on well-formed rows, which
 * keeps opening a 10,000 × 36 scorecard within its time budget (SPEC §6).
 */
import { LIMITS } from "./limits.ts";

/** The same pattern zod's z.uuid() applies (RFC 9562 versions 1–8, plus nil and max). */
const UUID =
  /^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-8][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}|00000000-0000-0000-0000-000000000000|ffffffff-ffff-ffff-ffff-ffffffffffff)$/;

/** Remembers ids already seen to be well-formed: rows repeat the same few thousand ids. */
export class IdChecker {
  private readonly good = new Set<string>();
  /** Rows come in runs (one measure's cells in a row): the last id seen answers most checks at once. */
  private last = "";
  isId(x: unknown): boolean {
    if (typeof x !== "string") return false;
    if (x === this.last && x !== "") return true;
    if (!this.good.has(x)) {
      if (!UUID.test(x)) return false;
      this.good.add(x);
    }
    this.last = x;
    return true;
  }
}

function isNum(x: unknown): boolean {
  return typeof x === "number" && Number.isFinite(x) && Math.abs(x) <= LIMITS.maxAbsNumber;
}

function hasExactKeys(x: object, count: number): boolean {
  const proto = Object.getPrototypeOf(x);
  if (proto !== Object.prototype && proto !== null) return false;
  return Object.keys(x).length === count;
}

export function isWellFormedActual(x: unknown, ids: IdChecker): boolean {
  if (typeof x !== "object" || x === null) return false;
  const r = x as Record<string, unknown>;
  return (
    ids.isId(r.measureId) &&
    ids.isId(r.periodId) &&
    isNum(r.value) &&
    typeof r.note === "string" &&
    r.note.length <= LIMITS.textMax &&
    hasExactKeys(x, 4)
  );
}

export function isWellFormedPeriodTarget(x: unknown, ids: IdChecker): boolean {
  if (typeof x !== "object" || x === null) return false;
  const r = x as Record<string, unknown>;
  return ids.isId(r.measureId) && ids.isId(r.periodId) && isNum(r.target) && hasExactKeys(x, 3);
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === "object" && x !== null;
const isNonNegative = (x: unknown): x is number => isNum(x) && (x as number) >= 0;
/** Text the schema would keep as is: already trimmed (when it trims) and within its bound. */
const isText = (x: unknown, max: number, trimmed: boolean): x is string =>
  typeof x === "string" && x.length <= max && (!trimmed || x === x.trim());

const KINDS = new Set(["leading", "lagging"]);
const DIRECTIONS = new Set(["higher", "lower", "band"]);
const METHODS = new Set(["linear", "band", "binary"]);
const FREQUENCIES = new Set(["month", "quarter", "year"]);

/** The Measure schema's field checks and its refinements, in the same order of thought. */
export function isWellFormedMeasure(x: unknown, ids: IdChecker): boolean {
  if (!isObject(x) || !hasExactKeys(x, 17)) return false;
  const m = x;
  if (!ids.isId(m.id) || !ids.isId(m.objectiveId)) return false;
  if (!isText(m.name, LIMITS.nameMax, true) || m.name.length < LIMITS.nameMin) return false;
  if (!isText(m.description, LIMITS.textMax, false)) return false;
  for (const f of [m.unit, m.owner, m.dataSource]) if (!isText(f, LIMITS.nameMax, true)) return false;
  if (!KINDS.has(m.kind as string) || !FREQUENCIES.has(m.frequency as string)) return false;
  if (!DIRECTIONS.has(m.direction as string) || !METHODS.has(m.method as string)) return false;
  const { baseline, target } = m;
  if (!isNum(baseline) || !isNum(target) || !isNonNegative(m.weight)) return false;
  const b = baseline as number;
  const t = target as number;

  const band = m.band;
  if (band !== null) {
    if (!isObject(band) || !hasExactKeys(band, 3) || !isNum(band.low) || !isNum(band.high)) return false;
    if (!isNonNegative(band.tolerance) || !((band.low as number) <= (band.high as number))) return false;
  }
  const range = m.validRange;
  if (range !== null) {
    if (!isObject(range) || !hasExactKeys(range, 2) || !isNum(range.min) || !isNum(range.max)) return false;
    const min = range.min as number;
    const max = range.max as number;
    if (!(min < max) || b < min || b > max || t < min || t > max) return false;
  }
  const th = m.thresholds;
  if (th !== null) {
    if (!isObject(th) || !hasExactKeys(th, 2)) return false;
    const { green, amber } = th;
    if (!isNonNegative(green) || !isNonNegative(amber) || green > LIMITS.capMax || amber > LIMITS.capMax) return false;
    if (!(amber <= green)) return false;
  }

  const isBand = m.method === "band";
  if (isBand !== (m.direction === "band") || isBand !== (band !== null)) return false;
  if (m.method === "linear" && m.direction === "higher" && !(t > b)) return false;
  if (m.method === "linear" && m.direction === "lower" && !(t < b)) return false;
  return true;
}
