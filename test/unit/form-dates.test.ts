import { describe, expect, it } from 'vitest';
import { joinDateParts } from '@pip/functions/kit/form-dates';
import { splitDate } from '../../functions/src/pages/components/date-input';

describe('dates typed as day, month and year', () => {
  it('join into one YYYY-MM-DD field, padded, with the parts gone', () => {
    expect(joinDateParts({ 'opens-date-day': '5', 'opens-date-month': '3', 'opens-date-year': '2027', name: 'Wirral' })).toEqual({ 'opens-date': '2027-03-05', name: 'Wirral' });
    expect(joinDateParts({ 'd-day': ' 12 ', 'd-month': '11', 'd-year': '2026' })).toEqual({ d: '2026-11-12' });
  });

  it('join into an empty field when nothing was typed, and into something no date rule accepts when part is missing', () => {
    expect(joinDateParts({ 'd-day': '', 'd-month': '', 'd-year': '' })).toEqual({ d: '' });
    expect(joinDateParts({ 'd-day': '30', 'd-month': '', 'd-year': '2027' })).toEqual({ d: '2027--30' });
  });

  it('leave a date posted whole alone, and a lone -day field that is not part of a date', () => {
    expect(joinDateParts({ d: '2027-01-02', 'd-day': '9', 'd-month': '9', 'd-year': '2029' })).toMatchObject({ d: '2027-01-02' });
    expect(joinDateParts({ 'half-day': 'yes' })).toEqual({ 'half-day': 'yes' });
  });

  it('split back as people type them, keeping whatever was typed wrong so it can be corrected', () => {
    expect(splitDate('2027-03-05')).toEqual({ day: '5', month: '3', year: '2027' });
    expect(splitDate('2027-0x-31')).toEqual({ day: '31', month: '0x', year: '2027' });
    expect(splitDate(joinDateParts({ 'd-day': 'ab', 'd-month': '2', 'd-year': '2027' }).d as string)).toEqual({ day: 'ab', month: '2', year: '2027' });
    expect(splitDate(undefined)).toEqual({ day: '', month: '', year: '' });
    expect(splitDate(joinDateParts({ 'd-day': '2', 'd-month': '', 'd-year': '' }).d as string)).toEqual({ day: '2', month: '', year: '' });
  });
});
