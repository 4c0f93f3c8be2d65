import type { PersonalLinkPurpose, PlatformLinks, RegionId, StaffAreaPage } from '@pip/domain';
import type { RoutePath } from '../routes';

/** A link is followed with GET, so only the pages the table serves to GET can be linked to. */
type PagePath = RoutePath<'GET'>;

/** The names in a path template's braces: `areaId` for `/apply/{areaId}`. */
type ParameterOf<P extends string> = P extends `${string}{${infer Name}}${infer Rest}` ? Name | ParameterOf<Rest> : never;

/** A template without braces takes no values, so a call cannot pass a value the path would drop. */
type ValuesOf<P extends string> = [ParameterOf<P>] extends [never] ? [] : [values: Record<ParameterOf<P>, string>];

/** The pages whose one value is `Name`, so that a table of them can be filled from that value alone. */
type PageTaking<Name extends string> = { [P in PagePath]: [ParameterOf<P>] extends [Name] ? ([Name] extends [ParameterOf<P>] ? P : never) : never }[PagePath];

const personalPages: Record<PersonalLinkPurpose, PageTaking<'token'>> = {
  withdraw: '/participation/{token}',
  'reserve-offer': '/participation/{token}',
  consultancy: '/consultancy/{token}',
  'follow-up': '/follow-up/{token}',
  evaluation: '/evaluation/{token}',
  application: '/application/{token}',
};

const staffAreaPages: Record<StaffAreaPage, PageTaking<'areaId'>> = {
  overview: '/staff/areas/{areaId}',
  selection: '/staff/areas/{areaId}/selection',
  programme: '/staff/areas/{areaId}/programme',
  consultancy: '/staff/areas/{areaId}/consultancy',
  'progress-reviews': '/staff/areas/{areaId}/progress-reviews',
  report: '/staff/areas/{areaId}/report',
  audit: '/staff/areas/{areaId}/audit',
};

/**
 * Links made from the route table's own templates, so an email cannot point at a page the platform
 * does not serve. The base is where people reach the platform: the API's address in AWS, the local
 * server's on this machine.
 */
export class RouteTableLinks implements PlatformLinks {
  private readonly base: string;

  constructor(baseUrl: string) {
    // Refused here, at the first link, rather than emailing addresses that lead nowhere.
    this.base = new URL(baseUrl).href.replace(/\/$/u, '');
  }

  /** The whole address of a page of the table, its values encoded into their places. */
  urlOf<P extends PagePath>(path: P, ...[values]: ValuesOf<P>): string {
    const given: Partial<Record<string, string>> = values ?? {};
    return this.base + path.replace(/\{([^}]+)\}/gu, (_, name: string) => encodeURIComponent(given[name] ?? ''));
  }

  openAreas(): string {
    return this.urlOf('/apply');
  }

  staffPersonSearch(query: string): string {
    return `${this.urlOf('/staff/people')}?${new URLSearchParams({ q: query })}`;
  }

  staffApplication(areaId: string, applicationId: string): string {
    return this.urlOf('/staff/areas/{areaId}/applications/{applicationId}', { areaId, applicationId });
  }

  applicationForm(areaId: string, nominationToken?: string): string {
    const form = this.urlOf('/apply/{areaId}', { areaId });
    return nominationToken === undefined ? form : `${form}?${new URLSearchParams({ nomination: nominationToken })}`;
  }

  savedApplication(areaId: string, token: string): string {
    return this.urlOf('/apply/{areaId}/saved/{token}', { areaId, token });
  }

  nominationForm(partnerToken: string): string {
    return this.urlOf('/nominate/{token}', { token: partnerToken });
  }

  personal(purpose: PersonalLinkPurpose, token: string): string {
    return this.urlOf(personalPages[purpose], { token });
  }

  staffArea(areaId: string, page: StaffAreaPage): string {
    return this.urlOf(staffAreaPages[page], { areaId });
  }

  learningEvent(regionId: RegionId): string {
    return this.urlOf('/staff/regions/{regionId}/learning-event', { regionId });
  }
}
