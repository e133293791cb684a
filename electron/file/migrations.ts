/**
 * The file schema, as the numbered, forward-only migrations that build it. A new file is made by
 * running every migration from an empty database, so a new file and a migrated old one have the
 * very same schema text — which is what the exact schema check on open compares against.
 * Never edit a migration that has shipped; add the next one.
 *
 * Tables are STRICT (SQLite enforces column types). Ids are the document's UUIDs; `pos` keeps
 * each list's display order. Actuals are stored one row per measure (a packed series, see
 * series.ts): a large scorecard has 360,000 of them, and row-per-cell reading alone would use
 * the whole open-file time budget (docs/file-format.md).
 */
export interface Migration {
  version: number;
  description: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: "Scorecard, framework, periods, targets and actuals",
    sql: `
CREATE TABLE scorecard (
  one INTEGER PRIMARY KEY CHECK (one = 1),
  id TEXT NOT NULL,
  title TEXT NOT NULL,
  organization TEXT NOT NULL,
  currency TEXT NOT NULL,
  period_kind TEXT NOT NULL,
  green REAL NOT NULL,
  amber REAL NOT NULL,
  cap REAL NOT NULL,
  missing_policy TEXT NOT NULL,
  created_at TEXT NOT NULL,
  modified_at TEXT NOT NULL,
  app_version TEXT NOT NULL
) STRICT;
CREATE TABLE perspectives (
  id TEXT PRIMARY KEY NOT NULL,
  pos REAL NOT NULL,
  name TEXT NOT NULL,
  description TEXT NOT NULL,
  sort_order INTEGER NOT NULL,
  weight REAL NOT NULL,
  color TEXT NOT NULL
) STRICT;
CREATE TABLE objectives (
  id TEXT PRIMARY KEY NOT NULL,
  pos REAL NOT NULL,
  perspective_id TEXT NOT NULL REFERENCES perspectives (id),
  name TEXT NOT NULL,
  description TEXT NOT NULL,
  owner TEXT NOT NULL,
  weight REAL NOT NULL,
  map_x REAL,
  map_y REAL
) STRICT;
CREATE INDEX objectives_by_perspective ON objectives (perspective_id);
CREATE TABLE links (
  id TEXT PRIMARY KEY NOT NULL,
  pos REAL NOT NULL,
  from_id TEXT NOT NULL REFERENCES objectives (id),
  to_id TEXT NOT NULL REFERENCES objectives (id),
  strength REAL NOT NULL,
  note TEXT NOT NULL
) STRICT;
CREATE INDEX links_by_from ON links (from_id);
CREATE INDEX links_by_to ON links (to_id);
CREATE TABLE measures (
  id TEXT PRIMARY KEY NOT NULL,
  pos REAL NOT NULL,
  objective_id TEXT NOT NULL REFERENCES objectives (id),
  name TEXT NOT NULL,
  description TEXT NOT NULL,
  unit TEXT NOT NULL,
  kind TEXT NOT NULL,
  direction TEXT NOT NULL,
  method TEXT NOT NULL,
  baseline REAL NOT NULL,
  target REAL NOT NULL,
  band_low REAL,
  band_high REAL,
  band_tolerance REAL,
  range_min REAL,
  range_max REAL,
  weight REAL NOT NULL,
  frequency TEXT NOT NULL,
  owner TEXT NOT NULL,
  data_source TEXT NOT NULL,
  green REAL,
  amber REAL
) STRICT;
CREATE INDEX measures_by_objective ON measures (objective_id);
CREATE TABLE periods (
  key INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  pos REAL NOT NULL,
  label TEXT NOT NULL,
  start TEXT NOT NULL
) STRICT;
CREATE TABLE period_targets (
  measure_id TEXT NOT NULL REFERENCES measures (id),
  period_id TEXT NOT NULL REFERENCES periods (id),
  target REAL NOT NULL,
  PRIMARY KEY (measure_id, period_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX period_targets_by_period ON period_targets (period_id);
CREATE TABLE actual_series (
  measure_id TEXT PRIMARY KEY NOT NULL REFERENCES measures (id),
  cells BLOB NOT NULL
) STRICT;
CREATE TABLE actual_notes (
  measure_id TEXT NOT NULL REFERENCES measures (id),
  period_id TEXT NOT NULL REFERENCES periods (id),
  note TEXT NOT NULL,
  PRIMARY KEY (measure_id, period_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX actual_notes_by_period ON actual_notes (period_id);
`,
  },
  {
    version: 2,
    description: "What-if: investments, their impacts on measures, and saved scenarios",
    sql: `
CREATE TABLE investments (
  id TEXT PRIMARY KEY NOT NULL,
  pos REAL NOT NULL,
  name TEXT NOT NULL,
  description TEXT NOT NULL,
  category TEXT NOT NULL,
  base_spend REAL NOT NULL,
  min_spend REAL NOT NULL,
  max_spend REAL NOT NULL
) STRICT;
CREATE TABLE impacts (
  id TEXT PRIMARY KEY NOT NULL,
  pos REAL NOT NULL,
  investment_id TEXT NOT NULL REFERENCES investments (id),
  measure_id TEXT NOT NULL REFERENCES measures (id),
  effect REAL NOT NULL,
  curve TEXT NOT NULL,
  lag INTEGER NOT NULL,
  confidence TEXT NOT NULL
) STRICT;
CREATE INDEX impacts_by_investment ON impacts (investment_id);
CREATE INDEX impacts_by_measure ON impacts (measure_id);
CREATE TABLE scenarios (
  id TEXT PRIMARY KEY NOT NULL,
  pos REAL NOT NULL,
  name TEXT NOT NULL,
  notes TEXT NOT NULL,
  created_at TEXT NOT NULL
) STRICT;
CREATE TABLE scenario_spend (
  scenario_id TEXT NOT NULL REFERENCES scenarios (id),
  investment_id TEXT NOT NULL REFERENCES investments (id),
  pos INTEGER NOT NULL,
  spend REAL NOT NULL,
  PRIMARY KEY (scenario_id, investment_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX scenario_spend_by_investment ON scenario_spend (investment_id);
`,
  },
];

/** The schema version this build writes: the last migration. */
export const SCHEMA_VERSION = MIGRATIONS.length;
