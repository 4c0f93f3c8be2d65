/**
 * Bank holidays in England and Wales, where the programme runs, kept as data so that planning a
 * workshop needs no network. When the list ends, the platform says so rather than treating later
 * days as working days: add the next years from the same source.
 */
export interface BankHoliday {
  /** The UK calendar date, YYYY-MM-DD. */
  date: string;
  name: string;
}

export const bankHolidayList = {
  source: 'https://www.gov.uk/bank-holidays.json',
  division: 'england-and-wales',
  /** When these dates were entered from that source. */
  copiedOn: '2026-11-26',
  firstYear: 2026,
  lastYear: 2028,
  dates: [
    { date: '2026-01-01', name: 'New Year’s Day' },
    { date: '2026-04-03', name: 'Good Friday' },
    { date: '2026-04-06', name: 'Easter Monday' },
    { date: '2026-05-04', name: 'Early May bank holiday' },
    { date: '2026-05-25', name: 'Spring bank holiday' },
    { date: '2026-08-31', name: 'Summer bank holiday' },
    { date: '2026-12-25', name: 'Christmas Day' },
    { date: '2026-12-28', name: 'Boxing Day (substitute day)' },
    { date: '2027-01-01', name: 'New Year’s Day' },
    { date: '2027-03-26', name: 'Good Friday' },
    { date: '2027-03-29', name: 'Easter Monday' },
    { date: '2027-05-03', name: 'Early May bank holiday' },
    { date: '2027-05-31', name: 'Spring bank holiday' },
    { date: '2027-08-30', name: 'Summer bank holiday' },
    { date: '2027-12-27', name: 'Christmas Day (substitute day)' },
    { date: '2027-12-28', name: 'Boxing Day (substitute day)' },
    { date: '2028-01-03', name: 'New Year’s Day (substitute day)' },
    { date: '2028-04-14', name: 'Good Friday' },
    { date: '2028-04-17', name: 'Easter Monday' },
    { date: '2028-05-01', name: 'Early May bank holiday' },
    { date: '2028-05-29', name: 'Spring bank holiday' },
    { date: '2028-08-28', name: 'Summer bank holiday' },
    { date: '2028-12-25', name: 'Christmas Day' },
    { date: '2028-12-26', name: 'Boxing Day' },
  ] satisfies BankHoliday[],
} as const;

const byDate = new Map<string, BankHoliday>(bankHolidayList.dates.map((holiday) => [holiday.date, holiday]));

/** The bank holiday on a UK date (YYYY-MM-DD), if it is one the list knows. */
export function bankHolidayOn(ukDate: string): BankHoliday | undefined {
  return byDate.get(ukDate);
}

/** Whether the date is after the years the list covers, so that its being free is not known. */
export function beyondKnownBankHolidays(ukDate: string): boolean {
  return Number(ukDate.slice(0, 4)) > bankHolidayList.lastYear;
}

/** What staff read when a date is outside the years the list covers. */
export const unknownBankHolidays = `bank holidays after ${bankHolidayList.lastYear} are not known to the platform yet: check the date`;

const weekdayNames = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

/** "Saturday": the day of the week of a UK date (YYYY-MM-DD). */
export function weekdayOf(ukDate: string): (typeof weekdayNames)[number] {
  return weekdayNames[new Date(`${ukDate}T12:00:00Z`).getUTCDay()]!;
}

export const isWeekend = (ukDate: string): boolean => ['Saturday', 'Sunday'].includes(weekdayOf(ukDate));

/** A day a workshop can be held without asking: a weekday that is not a known bank holiday. */
export function isWorkingDay(ukDate: string): boolean {
  return !isWeekend(ukDate) && !bankHolidayOn(ukDate);
}

/**
 * Why a UK date is not a plain working day, in words to follow "Workshop 2 is ...": a weekend, a
 * bank holiday, or a year the list does not cover. Undefined for a working day the list knows.
 */
export function dayProblem(ukDate: string): string | undefined {
  if (isWeekend(ukDate)) return `on a ${weekdayOf(ukDate)}`;
  const holiday = bankHolidayOn(ukDate);
  if (holiday) return /bank holiday/u.test(holiday.name) ? `on the ${holiday.name}` : `on ${holiday.name}, a bank holiday`;
  if (beyondKnownBankHolidays(ukDate)) return `in ${ukDate.slice(0, 4)}, and ${unknownBankHolidays}`;
  return undefined;
}
