import type { RegionId } from '../regions';
import type { LinkPurpose } from './messages';

/** The emailed links that open a page of their own; a nomination's link opens the application form instead. */
export type PersonalLinkPurpose = Exclude<LinkPurpose, 'nomination'>;

/** The pages of an area in the staff console that emails send the programme team to. */
export type StaffAreaPage = 'overview' | 'selection' | 'programme' | 'consultancy' | 'progress-reviews' | 'report' | 'audit';

/**
 * Where the links in emails take people: whole addresses, since an email is read away from the
 * platform, and the workflow that sends many of them answers no request whose address it could reuse.
 */
export interface PlatformLinks {
  /** The areas open for applications: the programme's front door, for emails with nothing more particular to link to. */
  openAreas(): string;
  /** An area's application form; with a nomination's token, prefilled from the nomination. */
  applicationForm(areaId: string, nominationToken?: string): string;
  /** An applicant's saved answers, behind the link emailed when they saved them. */
  savedApplication(areaId: string, token: string): string;
  /** A partner's nomination form, behind the personal link staff issued to it. */
  nominationForm(partnerToken: string): string;
  /** The page one person's emailed link opens, by what the link is for. */
  personal(purpose: PersonalLinkPurpose, token: string): string;
  staffArea(areaId: string, page: StaffAreaPage): string;
  /** The staff search for a person by name or email across areas, already searching for `query`. */
  staffPersonSearch(query: string): string;
  /** One application on the staff console: the person, their reviews, and their address to correct. */
  staffApplication(areaId: string, applicationId: string): string;
  /** The staff page where the region's learning and mentoring event is scheduled. */
  learningEvent(regionId: RegionId): string;
}
