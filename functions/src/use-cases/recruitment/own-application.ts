import { recruitmentState, type Application, type Area, type EmailedLink, type LinkProblem, type Ports, type RecruitmentState } from '@pip/domain';
import { openPersonalLinkWith } from '../shared/emailed-links';

export type OwnApplicationPorts = Pick<Ports, 'emailedLinks' | 'clock' | 'areas' | 'applications'>;

/** An applicant's own application, opened through their emailed link, and whether applications are still open. */
export interface OpenOwnApplication {
  problem?: undefined;
  token: string;
  link: EmailedLink & { applicationId: string };
  area: Area;
  application: Application;
  state: RecruitmentState;
}

export type OwnApplication = { problem: LinkProblem } | OpenOwnApplication;

/**
 * What the application is read for: `show` (a page that changes nothing) reads it in one round trip
 * from the reference index, which holds whole items; `change` (a change about to be written at its
 * version) reads the item itself consistently, one round trip more.
 */
export type OwnApplicationRead = 'show' | 'change';

/** The application behind an applicant's link, if the link is whole, known and unexpired. */
export async function openOwnApplication(ports: OwnApplicationPorts, token: string, readFor: OwnApplicationRead = 'change'): Promise<OwnApplication> {
  // Both named by the link, read beside it. A change is decided on a consistent read of the item; a
  // page shows the index's copy, which an index that has not caught up yet answers from the area consistently.
  const opened = await openPersonalLinkWith(ports, token, ['application'], (areaId, applicationId) =>
    Promise.all([
      ports.areas.existing(areaId),
      readFor === 'show' ? ports.applications.findByReferenceToShow(areaId, applicationId) : ports.applications.findByReference(areaId, applicationId),
    ]),
  );
  if (opened.problem) return { problem: opened.problem };
  const { link } = opened;
  const [area, application] = opened.read;
  if (!application) return { problem: 'unknown' };
  return { token, link, area, application, state: recruitmentState(area, ports.clock.now()) };
}
