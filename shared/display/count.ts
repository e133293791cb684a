/**
 * Counts in sentences: "1 value", "12,000 values". The same fixed locale as the other display
 * formats (numbers.ts), so the import dialog, the share dialog and the grid's messages agree.
 */
const countFormat = new Intl.NumberFormat("en-US");

/** `n` and the word that goes with it: the singular for exactly one, else the plural (`singular` + "s" unless given). */
export function counted(n: number, singular: string, plural = `${singular}s`): string {
  return `${countFormat.format(n)} ${n === 1 ? singular : plural}`;
}
