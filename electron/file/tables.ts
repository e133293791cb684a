/**
 * How each entity of the document maps to its table: column lists and the conversion both ways.
 * Reading produces plain objects that are *not yet trusted* (validation follows); text columns
 * are read cut to one character over the longest allowed value, so a huge text in a hostile file
 * is reported as too long without being loaded whole.
 */
import { LIMITS } from "../../shared/domain/limits.ts";
import type { EntityCollection, EntityRow } from "../../shared/operations/operation.ts";
import type {
  Impact,
  Investment,
  Link,
  Measure,
  Objective,
  Period,
  Perspective,
  Scenario,
  Scorecard,
} from "../../shared/domain/types.ts";

type Value = string | number | null;

interface Column {
  name: string;
  text?: boolean;
}

export interface TableCodec {
  table: string;
  /** Columns after `id` and `pos`, in insert order. */
  columns: readonly Column[];
  toValues(row: EntityRow): Value[];
  /** Builds the document object from the values read, in column order (without pos). */
  fromValues(id: Value, values: readonly Value[]): unknown;
}

const t = (name: string): Column => ({ name, text: true });
const n = (name: string): Column => ({ name });

/** Nullable nested objects (band, valid range, thresholds, map position) are all-null or all-set. */
function group<K extends string>(keys: readonly K[], values: readonly Value[]): Record<K, Value> | null {
  if (values.every((v) => v === null)) return null;
  return Object.fromEntries(keys.map((k, i) => [k, values[i] ?? null])) as Record<K, Value>;
}

function codec<R extends EntityRow>(
  table: string,
  columns: readonly Column[],
  toValues: (row: R) => Value[],
  fromValues: (v: readonly Value[]) => Record<string, unknown>,
): TableCodec {
  return {
    table,
    columns,
    toValues: toValues as (row: EntityRow) => Value[],
    fromValues: (id, v) => ({ id, ...fromValues(v) }),
  };
}

export const CODECS: Record<EntityCollection, TableCodec> = {
  perspectives: codec<Perspective>(
    "perspectives",
    [t("name"), t("description"), n("sort_order"), n("weight"), t("color")],
    (p) => [p.name, p.description, p.order, p.weight, p.color],
    ([name, description, order, weight, color]) => ({ name, description, order, weight, color }),
  ),
  objectives: codec<Objective>(
    "objectives",
    [t("perspective_id"), t("name"), t("description"), t("owner"), n("weight"), n("map_x"), n("map_y")],
    (o) => [o.perspectiveId, o.name, o.description, o.owner, o.weight, o.position?.x ?? null, o.position?.y ?? null],
    ([perspectiveId, name, description, owner, weight, x = null, y = null]) => ({
      perspectiveId,
      name,
      description,
      owner,
      weight,
      position: group(["x", "y"], [x, y]),
    }),
  ),
  links: codec<Link>(
    "links",
    [t("from_id"), t("to_id"), n("strength"), t("note")],
    (l) => [l.fromId, l.toId, l.strength, l.note],
    ([fromId, toId, strength, note]) => ({ fromId, toId, strength, note }),
  ),
  measures: codec<Measure>(
    "measures",
    [
      t("objective_id"),
      t("name"),
      t("description"),
      t("unit"),
      t("kind"),
      t("direction"),
      t("method"),
      n("baseline"),
      n("target"),
      n("band_low"),
      n("band_high"),
      n("band_tolerance"),
      n("range_min"),
      n("range_max"),
      n("weight"),
      t("frequency"),
      t("owner"),
      t("data_source"),
      n("green"),
      n("amber"),
    ],
    (m) => [
      m.objectiveId,
      m.name,
      m.description,
      m.unit,
      m.kind,
      m.direction,
      m.method,
      m.baseline,
      m.target,
      m.band?.low ?? null,
      m.band?.high ?? null,
      m.band?.tolerance ?? null,
      m.validRange?.min ?? null,
      m.validRange?.max ?? null,
      m.weight,
      m.frequency,
      m.owner,
      m.dataSource,
      m.thresholds?.green ?? null,
      m.thresholds?.amber ?? null,
    ],
    (v) => ({
      objectiveId: v[0],
      name: v[1],
      description: v[2],
      unit: v[3],
      kind: v[4],
      direction: v[5],
      method: v[6],
      baseline: v[7],
      target: v[8],
      band: group(["low", "high", "tolerance"], v.slice(9, 12)),
      validRange: group(["min", "max"], v.slice(12, 14)),
      weight: v[14],
      frequency: v[15],
      owner: v[16],
      dataSource: v[17],
      thresholds: group(["green", "amber"], v.slice(18, 20)),
    }),
  ),
  periods: codec<Period>(
    "periods",
    [t("label"), t("start")],
    (p) => [p.label, p.start],
    ([label, start]) => ({ label, start }),
  ),
  investments: codec<Investment>(
    "investments",
    [t("name"), t("description"), t("category"), n("base_spend"), n("min_spend"), n("max_spend")],
    (i) => [i.name, i.description, i.category, i.baseSpend, i.minSpend, i.maxSpend],
    ([name, description, category, baseSpend, minSpend, maxSpend]) => ({
      name,
      description,
      category,
      baseSpend,
      minSpend,
      maxSpend,
    }),
  ),
  impacts: codec<Impact>(
    "impacts",
    [t("investment_id"), t("measure_id"), n("effect"), t("curve"), n("lag"), t("confidence")],
    (i) => [i.investmentId, i.measureId, i.effect, i.curve, i.lag, i.confidence],
    ([investmentId, measureId, effect, curve, lag, confidence]) => ({
      investmentId,
      measureId,
      effect,
      curve,
      lag,
      confidence,
    }),
  ),
  // Spend per investment lives in scenario_spend; the reader fills it in.
  scenarios: codec<Scenario>(
    "scenarios",
    [t("name"), t("notes"), t("created_at")],
    (s) => [s.name, s.notes, s.createdAt],
    ([name, notes, createdAt]) => ({ name, notes, spend: {}, createdAt }),
  ),
};

export const SCORECARD_COLUMNS: readonly Column[] = [
  t("id"),
  t("title"),
  t("organization"),
  t("currency"),
  t("period_kind"),
  n("green"),
  n("amber"),
  n("cap"),
  t("missing_policy"),
  t("created_at"),
  t("modified_at"),
  t("app_version"),
];

export function scorecardValues(s: Scorecard): Value[] {
  const { thresholds, cap, missingPolicy } = s.scoring;
  return [
    s.id,
    s.title,
    s.organization,
    s.currency,
    s.periodKind,
    thresholds.green,
    thresholds.amber,
    cap,
    missingPolicy,
    s.createdAt,
    s.modifiedAt,
    s.appVersion,
  ];
}

export function scorecardFromValues(v: readonly Value[]): unknown {
  return {
    id: v[0],
    title: v[1],
    organization: v[2],
    currency: v[3],
    periodKind: v[4],
    scoring: { thresholds: { green: v[5], amber: v[6] }, cap: v[7], missingPolicy: v[8] },
    createdAt: v[9],
    modifiedAt: v[10],
    appVersion: v[11],
  };
}

/** Longest text any field may hold, plus one: enough for validation to say "too long". */
const TEXT_READ_LIMIT = Math.max(LIMITS.textMax, 100) + 1;

/** `name` or `substr(name, 1, 10001)` for a text column (a hostile file may hold a huge text). */
export function readExpr(c: Column): string {
  return c.text ? `substr(${c.name}, 1, ${TEXT_READ_LIMIT})` : c.name;
}
