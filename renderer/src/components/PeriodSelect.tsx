import type { ScorecardView } from "../../../shared/scoring/view.ts";

interface Props {
  periods: ScorecardView["periods"];
  value: number;
  onChange: (index: number) => void;
}

export function PeriodSelect({ periods, value, onChange }: Props) {
  return (
    <label className="period-select">
      <span>Period</span>
      <select value={value} disabled={periods.length === 0} onChange={(event) => onChange(Number(event.target.value))}>
        {periods.map((period, index) => (
          <option key={period.id} value={index}>
            {period.label}
          </option>
        ))}
      </select>
    </label>
  );
}
