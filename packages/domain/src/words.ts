export function countWords(text: string): number {
  const trimmed = text.trim();
  return trimmed === '' ? 0 : trimmed.split(/\s+/u).length;
}

const smallNumbers = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];

/** A small number in words, as a sentence writes it ("four to six weeks"); a larger one in figures. */
export function numberInWords(n: number): string {
  return smallNumbers[n] ?? String(n);
}

/** A length of time counted in hours, as a sentence says it: "a day", "two days", "six hours". */
export function hoursInWords(hours: number): string {
  if (hours % 24 !== 0) return hours === 1 ? 'an hour' : `${numberInWords(hours)} hours`;
  const days = hours / 24;
  return days === 1 ? 'a day' : `${numberInWords(days)} days`;
}
