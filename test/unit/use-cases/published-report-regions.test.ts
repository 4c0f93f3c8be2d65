import { describe, expect, it } from 'vitest';
import type { Area, Ports } from '@pip/domain';
import { publishedReportRegions } from '@pip/functions/use-cases/evaluation/published-report-regions';

const area = (areaId: string, regionId: Area['regionId']): Area => ({
  areaId,
  name: `Name of ${areaId}`,
  regionId,
  recruitment: { opensAt: '2027-01-01T00:00:00.000Z', closesAt: '2027-02-01T00:00:00.000Z' },
});

describe('the regions the reference group can read a report of', () => {
  it('are those with an area, once each, in the programme’s order of regions', async () => {
    const areas = [area('a', 'london'), area('b', 'north-east'), area('c', 'london')];
    const ports = { areas: { list: async () => areas } } as unknown as Pick<Ports, 'areas'>;
    expect((await publishedReportRegions(ports)).map((region) => region.regionId)).toEqual(['north-east', 'london']);
  });

  it('are none before any area is added', async () => {
    const ports = { areas: { list: async () => [] } } as unknown as Pick<Ports, 'areas'>;
    expect(await publishedReportRegions(ports)).toEqual([]);
  });
});
