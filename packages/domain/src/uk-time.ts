/** Programme dates are always shown in UK time, whatever the server's zone. */
const ukDate = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', day: 'numeric', month: 'long', year: 'numeric' });
const ukTime = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: 'numeric', minute: '2-digit', hour12: true });

/** "5 March 2027" */
export function formatUkDate(instant: Date | string): string {
  return ukDate.format(new Date(instant));
}

/** "11:59pm on 5 March 2027", GOV.UK style. */
export function formatUkDateTime(instant: Date | string): string {
  const time = ukTime.format(new Date(instant)).replace(/\s/gu, '').toLowerCase();
  return `${time} on ${formatUkDate(instant)}`;
}
