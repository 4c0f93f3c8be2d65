import { describe, expect, it } from 'vitest';
import { areaIdFrom, newArea, openAreasByRegion, outcomeDueBy, recruitmentState, type Area } from '@pip/domain';

const area = (areaId: string, regionId: Area['regionId'], opensAt: string, closesAt: string): Area => ({
  areaId,
  name: areaId[0]!.toUpperCase() + areaId.slice(1),
  regionId,
  recruitment: { opensAt, closesAt },
});

describe('recruitment window', () => {
  const leeds = area('leeds', 'yorkshire-and-the-humber', '2027-01-04T09:00:00Z', '2027-02-01T17:00:00Z');

  it('opens at its opening instant and closes at its closing instant', () => {
    expect(recruitmentState(leeds, new Date('2027-01-04T08:59:59.999Z'))).toBe('not-open-yet');
    expect(recruitmentState(leeds, new Date('2027-01-04T09:00:00Z'))).toBe('open');
    expect(recruitmentState(leeds, new Date('2027-02-01T16:59:59.999Z'))).toBe('open');
    expect(recruitmentState(leeds, new Date('2027-02-01T17:00:00Z'))).toBe('closed');
  });

  it('promises the outcome three weeks after closing', () => {
    expect(outcomeDueBy(leeds).toISOString()).toBe('2027-02-22T17:00:00.000Z');
  });

  it('lists only open areas, grouped by region in delivery order and by name within a region', () => {
    const now = new Date('2027-01-10T12:00:00Z');
    const areas = [
      leeds,
      area('kent', 'south-east', '2027-03-01T09:00:00Z', '2027-04-01T17:00:00Z'),
      area('northumberland', 'north-east', '2027-01-01T09:00:00Z', '2027-02-01T17:00:00Z'),
      area('bradford', 'yorkshire-and-the-humber', '2027-01-01T09:00:00Z', '2027-02-01T17:00:00Z'),
      area('cumbria', 'north-west', '2026-11-01T09:00:00Z', '2026-12-01T17:00:00Z'),
    ];
    const grouped = openAreasByRegion(areas, now);
    expect(grouped.map((region) => [region.name, region.areas.map((a) => a.areaId)])).toEqual([
      ['North East', ['northumberland']],
      ['Yorkshire and the Humber', ['bradford', 'leeds']],
    ]);
  });
});

describe('a new area', () => {
  const now = new Date('2027-01-10T12:00:00Z');
  it('takes its address from its name', () => {
    expect(areaIdFrom('  Brighton & Hove ')).toBe('brighton-and-hove');
    expect(areaIdFrom('Stoke-on-Trent')).toBe('stoke-on-trent');
    expect(areaIdFrom('Kingston upon Hull, City of')).toBe('kingston-upon-hull-city-of');
  });

  it('needs a name, a region and a window of a week or more that has not ended', () => {
    const week = { opens: { date: '2027-01-11', time: '09:00' }, closes: { date: '2027-01-18', time: '17:00' } };
    expect(newArea({ name: 'Leeds', regionId: 'yorkshire-and-the-humber', ...week }, now).area).toEqual({
      areaId: 'leeds',
      name: 'Leeds',
      regionId: 'yorkshire-and-the-humber',
      recruitment: { opensAt: '2027-01-11T09:00:00.000Z', closesAt: '2027-01-18T17:00:00.000Z' },
    });
    expect(newArea({ name: ' ', regionId: 'atlantis', opens: { date: '', time: '09:00' }, closes: { date: undefined, time: undefined } }, now).problems.map((p) => p.field)).toEqual([
      'name',
      'regionId',
      'opens-date',
      'closes-date',
      'closes-time',
    ]);
    expect(newArea({ name: 'Leeds', regionId: 'london', opens: { date: '2026-12-01', time: '09:00' }, closes: { date: '2027-01-01', time: '09:00' } }, now).problems).toEqual([
      { field: 'closes-date', message: 'The closing date must be in the future' },
    ]);
  });

  it('says which part of its window is wrong: a date that is not real, or a time', () => {
    expect(newArea({ name: 'Leeds', regionId: 'london', opens: { date: '2027-02-30', time: '09:00' }, closes: { date: '2027-03-30', time: '9am' } }, now).problems).toEqual([
      { field: 'opens-date', message: 'The date applications open must be a real date' },
      { field: 'closes-time', message: 'Enter the time applications close, like 09:00' },
    ]);
  });
});
