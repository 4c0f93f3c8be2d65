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
 * The application behind an applicant's link, if the link is whole, known and unexpired: read in one
 * round trip beside the link, from the reference index (which holds whole items, and which an index
 * that has not caught up yet answers from the area, consistently). A change decided on it is written
 * at its version (see `changeApplication`).
 */
export async function openOwnApplication(ports: OwnApplicationPorts, token: string): Promise<OwnApplication> {
  const opened = await openPersonalLinkWith(ports, token, ['application'], (areaId, applicationId) =>
    Promise.all([ports.areas.existing(areaId), ports.applications.findByReferenceToShow(areaId, applicationId)]),
  );
  if (opened.problem) return { problem: opened.problem };
  const { link } = opened;
  const [area, application] = opened.read;
  if (!application) return { problem: 'unknown' };
  return { token, link, area, application, state: recruitmentState(area, ports.clock.now()) };
}
