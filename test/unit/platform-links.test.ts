import { describe, expect, it } from 'vitest';
import { regionIds, type PersonalLinkPurpose, type PlatformLinks, type StaffAreaPage } from '@pip/domain';
import { RouteTableLinks } from '@pip/functions/adapters/platform-links';
import { routes, type RoutePath } from '@pip/functions/routes';
import { routeMatcher } from '../../infra/local/src/route-matcher';

const BASE = 'https://pip.example';
const links = new RouteTableLinks(BASE);
const token = 'dGhpcyBpcyBub3QgYSByZWFsIHRva2VuIGF0IGFsbCE';
// Not a real area's id: one that must be encoded to survive in a path.
const areaId = 'bath & north/east?';

interface Made {
  link: string;
  /** The page of the table the link must open, with the values it must carry there. */
  route: RoutePath<'GET'>;
  values: Record<string, string>;
  query?: Record<string, string>;
}

// Typed by every purpose and every page, so one added to the port and not tried here does not compile.
const personalRoutes: Record<PersonalLinkPurpose, RoutePath<'GET'>> = {
  withdraw: '/participation/{token}',
  'reserve-offer': '/participation/{token}',
  consultancy: '/consultancy/{token}',
  'follow-up': '/follow-up/{token}',
  evaluation: '/evaluation/{token}',
  application: '/application/{token}',
};
const staffRoutes: Record<StaffAreaPage, RoutePath<'GET'>> = {
  overview: '/staff/areas/{areaId}',
  selection: '/staff/areas/{areaId}/selection',
  programme: '/staff/areas/{areaId}/programme',
  consultancy: '/staff/areas/{areaId}/consultancy',
  'progress-reviews': '/staff/areas/{areaId}/progress-reviews',
  report: '/staff/areas/{areaId}/report',
  audit: '/staff/areas/{areaId}/audit',
};
const entries = <K extends string, V>(record: Record<K, V>) => Object.entries(record) as [K, V][];

/** Every kind of link the port makes: a method added to the port and not tried here does not compile. */
const everyLink: { [K in keyof PlatformLinks]: Made[] } = {
  openAreas: [{ link: links.openAreas(), route: '/apply', values: {} }],
  applicationForm: [
    { link: links.applicationForm(areaId), route: '/apply/{areaId}', values: { areaId } },
    { link: links.applicationForm(areaId, token), route: '/apply/{areaId}', values: { areaId }, query: { nomination: token } },
  ],
  savedApplication: [{ link: links.savedApplication(areaId, token), route: '/apply/{areaId}/saved/{token}', values: { areaId, token } }],
  nominationForm: [{ link: links.nominationForm(token), route: '/nominate/{token}', values: { token } }],
  personal: entries(personalRoutes).map(([purpose, route]) => ({ link: links.personal(purpose, token), route, values: { token } })),
  staffArea: entries(staffRoutes).map(([page, route]) => ({ link: links.staffArea(areaId, page), route, values: { areaId } })),
  staffPersonSearch: [{ link: links.staffPersonSearch('Lead.Person+1@example.org'), route: '/staff/people', values: {}, query: { q: 'Lead.Person+1@example.org' } }],
  staffApplication: [{ link: links.staffApplication(areaId, 'PIP-AAAA-BBBB'), route: '/staff/areas/{areaId}/applications/{applicationId}', values: { areaId, applicationId: 'PIP-AAAA-BBBB' } }],
  learningEvent: regionIds.map((regionId) => ({ link: links.learningEvent(regionId), route: '/staff/regions/{regionId}/learning-event', values: { regionId } })),
};

describe('the link maker', () => {
  const match = routeMatcher(routes);

  it.each(Object.values(everyLink).flat())('makes $link, a page the route table serves', ({ link, route, values, query }) => {
    const url = new URL(link);
    expect(url.origin).toBe(BASE);
    expect(match('GET', url.pathname)).toMatchObject({ routeKey: `GET ${route}`, pathParameters: values });
    expect(Object.fromEntries(url.searchParams)).toEqual(query ?? {});
  });

  it('makes the links the emails have always carried, for the same address', () => {
    expect(links.openAreas()).toBe('https://pip.example/apply');
    expect(links.applicationForm('leeds', token)).toBe(`https://pip.example/apply/leeds?nomination=${token}`);
    expect(links.personal('withdraw', token)).toBe(`https://pip.example/participation/${token}`);
    expect(links.staffArea('leeds', 'consultancy')).toBe('https://pip.example/staff/areas/leeds/consultancy');
    expect(links.learningEvent('north-east')).toBe('https://pip.example/staff/regions/north-east/learning-event');
  });

  it('takes the address with or without a closing slash, and refuses one that is not whole', () => {
    expect(new RouteTableLinks(`${BASE}/`).openAreas()).toBe(links.openAreas());
    expect(() => new RouteTableLinks('pip.example')).toThrow();
  });
});
