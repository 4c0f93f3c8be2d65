import { describe, expect, it } from 'vitest';
import { REFERENCE_GROUP, STAFF_GROUP } from '@pip/domain';
import { admits, homeOf } from '@pip/functions/kit/staff-auth';
import { landingPath, safeReturnPath } from '@pip/functions/kit/staff-session';

describe('who a route admits and where a person lands', () => {
  it('admits staff everywhere signed in, the reference group only to its own routes, and nobody else', () => {
    expect(admits('staff', [STAFF_GROUP])).toBe(true);
    expect(admits('staff', [REFERENCE_GROUP])).toBe(false);
    expect(admits('reference-group', [REFERENCE_GROUP])).toBe(true);
    expect(admits('reference-group', [STAFF_GROUP])).toBe(true);
    expect(admits('staff', ['applicants'])).toBe(false);
    expect(admits('reference-group', [])).toBe(false);
  });

  it('sends each group home: staff to the overview, the reference group to theirs, anyone else nowhere', () => {
    expect(homeOf([STAFF_GROUP])).toBe('/staff');
    expect(homeOf([REFERENCE_GROUP, STAFF_GROUP])).toBe('/staff');
    expect(homeOf([REFERENCE_GROUP])).toBe('/reference');
    expect(homeOf(['applicants'])).toBeUndefined();
  });

  it('returns a person only to a signed-in page of this site that their groups admit', () => {
    expect(safeReturnPath('/reference/reports')).toBe('/reference/reports');
    expect(safeReturnPath('/referencex')).toBe('/staff');
    expect(safeReturnPath('https://evil.example/reference')).toBe('/staff');
    expect(landingPath([REFERENCE_GROUP], '/staff/areas/leeds')).toBe('/reference');
    expect(landingPath([REFERENCE_GROUP], '/reference/regions/london/report')).toBe('/reference/regions/london/report');
    expect(landingPath([STAFF_GROUP], '/reference')).toBe('/reference');
    expect(landingPath([STAFF_GROUP], '/staff/areas/leeds')).toBe('/staff/areas/leeds');
    expect(landingPath([STAFF_GROUP], '//evil.example')).toBe('/staff');
  });
});
