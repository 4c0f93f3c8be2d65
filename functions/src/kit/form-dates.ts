/**
 * GOV.UK date inputs post a date as three fields, `<name>-day`, `<name>-month` and `<name>-year`.
 * The body parser joins them into one `<name>` field as YYYY-MM-DD, so that handlers and domain
 * rules read one date however it was typed, and refuse impossible ones in one place.
 */
const PARTS = ['day', 'month', 'year'] as const;

export function joinDateParts(fields: Record<string, string | string[]>): Record<string, string | string[]> {
  const joined = { ...fields };
  for (const name of Object.keys(fields)) {
    const base = name.endsWith('-day') ? name.slice(0, -'-day'.length) : undefined;
    if (!base || joined[base] !== undefined) continue;
    const parts = PARTS.map((part) => fields[`${base}-${part}`]);
    if (parts.some((part) => typeof part !== 'string')) continue;
    const [day, month, year] = (parts as string[]).map((part) => part.replace(/\s+/gu, ''));
    // A part left empty stays empty, so the form shows it empty again rather than a 0 nobody typed.
    const padded = (part: string) => (part ? part.padStart(2, '0') : '');
    joined[base] = day || month || year ? `${year}-${padded(month!)}-${padded(day!)}` : '';
    for (const part of PARTS) delete joined[`${base}-${part}`];
  }
  return joined;
}
