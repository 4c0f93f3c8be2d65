import { describe, expect, it } from 'vitest';
import { dateProblem, formatUkDateTime, formatUkTimeSpan, fromUkLocalTime, isCalendarDate, isClockTime, ukInstantFrom } from '@pip/domain';
import { html, trusted } from '@pip/html';

describe('html tag', () => {
  it('escapes interpolated values, including inside arrays, and keeps trusted markup', () => {
    const name = `"><img src=x onerror=alert(1)>`;
    expect(html`<p title="${name}">${[name, trusted('<b>ok</b>')]}</p>`.value).toBe(
      '<p title="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;">&quot;&gt;&lt;img src=x onerror=alert(1)&gt;<b>ok</b></p>',
    );
    expect(html`${null}${undefined}${false}${0}`.value).toBe('0');
  });
});

describe('UK time', () => {
  it('reads wall-clock times in Greenwich Mean Time and British Summer Time', () => {
    expect(fromUkLocalTime('2027-01-15', '17:00').toISOString()).toBe('2027-01-15T17:00:00.000Z');
    expect(fromUkLocalTime('2027-07-15', '17:00').toISOString()).toBe('2027-07-15T16:00:00.000Z');
  });

  it('is right on the days the clocks change', () => {
    expect(fromUkLocalTime('2027-03-28', '09:00').toISOString()).toBe('2027-03-28T08:00:00.000Z');
    expect(fromUkLocalTime('2027-10-31', '09:00').toISOString()).toBe('2027-10-31T09:00:00.000Z');
    expect(formatUkDateTime('2027-03-28T08:00:00Z')).toBe('9:00am on 28 March 2027');
    expect(formatUkDateTime('2027-10-30T23:30:00Z')).toBe('12:30am on 31 October 2027');
  });

  it('says a span within a day once, with its day after the times, and both days of one across midnight', () => {
    expect(formatUkTimeSpan('2027-03-16T10:00:00Z', '2027-03-16T12:00:00Z')).toBe('10:00am to 12:00pm on 16 March 2027');
    // 11pm to 12:30am, UK summer time: two days.
    expect(formatUkTimeSpan('2027-07-15T22:00:00Z', '2027-07-15T23:30:00Z')).toBe('11:00pm on 15 July 2027 to 12:30am on 16 July 2027');
  });
});

describe('dates and times from forms', () => {
  it('accept only real calendar dates and 24-hour times', () => {
    expect(isCalendarDate('2027-02-28')).toBe(true);
    expect(isCalendarDate('2027-02-30')).toBe(false);
    expect(isCalendarDate('28/02/2027')).toBe(false);
    expect(isClockTime('23:59')).toBe(true);
    expect(isClockTime('24:00')).toBe(false);
  });

  it('give the UK instant, across the clock change, or nothing', () => {
    expect(ukInstantFrom(' 2027-03-28 ', '10:00')?.toISOString()).toBe('2027-03-28T09:00:00.000Z');
    expect(ukInstantFrom('2027-10-31', '10:00')?.toISOString()).toBe('2027-10-31T10:00:00.000Z');
    expect(ukInstantFrom('2027-02-30', '10:00')).toBeUndefined();
    expect(ukInstantFrom('2027-03-28', undefined)).toBeUndefined();
  });

  it('say what is wrong with a date in GOV.UK words: missing, or not a real date', () => {
    expect(dateProblem(' ', 'the date of the visit')).toBe('Enter the date of the visit');
    expect(dateProblem(undefined, 'the date of the visit')).toBe('Enter the date of the visit');
    expect(dateProblem('2027-02-30', 'the date of the visit')).toBe('The date of the visit must be a real date');
    expect(dateProblem('2027-13-01', 'the date of workshop 2')).toBe('The date of workshop 2 must be a real date');
    expect(dateProblem('2027-02-28', 'the date of the visit')).toBeUndefined();
  });
});
