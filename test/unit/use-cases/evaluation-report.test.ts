import { describe, expect, it } from 'vitest';
import type { Area } from '@pip/domain';
import { evaluationReport } from '../../../functions/src/use-cases/evaluation/evaluation-report';
import { memoryPorts } from '../../support/memory-ports';

const joining = (areaId: string, name: string, regionId: Area['regionId'], opensAt: string): Area => ({
  areaId,
  name,
  regionId,
  recruitment: { opensAt, closesAt: '2027-12-01T17:00:00.000Z' },
});

describe('published evaluation reports', () => {
  const ports = memoryPorts({
    now: '2028-01-10T10:00:00.000Z',
    areas: [
      joining('cumbria', 'Cumbria', 'north-west', '2026-11-02T09:00:00.000Z'),
      joining('leeds', 'Leeds', 'yorkshire-and-the-humber', '2027-01-04T09:00:00.000Z'),
      joining('wakefield', 'Wakefield', 'yorkshire-and-the-humber', '2027-02-01T09:00:00.000Z'),
    ],
  });

  it('give an area the same number in its own report, its region and the whole programme', async () => {
    const own = await evaluationReport(ports, { kind: 'area', areaId: 'wakefield' }, true);
    const region = await evaluationReport(ports, { kind: 'region', regionId: 'yorkshire-and-the-humber' }, true);
    const programme = await evaluationReport(ports, { kind: 'programme' }, true);
    expect(own.title).toBe('Area 3');
    expect(region.areas.map((area) => area.name)).toEqual(['Area 2', 'Area 3']);
    expect(programme.areas.map((area) => area.name)).toEqual(['Area 1', 'Area 2', 'Area 3']);
  });
});
