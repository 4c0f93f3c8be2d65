import { parseApplicationAnswers, type Application, type Area, type Review, type Sector } from '@pip/domain';
import { goodAnswers } from '../../support/application-answers';
import {
  MemoryApplications,
  MemoryAreas,
  MemoryAudit,
  MemoryDelivery,
  MemoryOutbox,
  MemoryReviews,
  MemorySelections,
  MemoryStaffSteps,
  clockAt,
  countingTokens,
} from './memory-ports';

/** Wakefield: applications closed on 1 February 2027. */
export const wakefield: Area = {
  areaId: 'wakefield',
  name: 'Wakefield',
  regionId: 'yorkshire-and-the-humber',
  recruitment: { opensAt: '2027-01-04T09:00:00Z', closesAt: '2027-02-01T17:00:00Z' },
};

export const AFTER_CLOSE = '2027-02-10T10:00:00Z';
export const BASE_URL = 'https://pip.example';

function applicant(sector: Sector, n: number): Application {
  const prefix = sector === 'local-authority' ? 'la' : 'vc';
  const answers = parseApplicationAnswers(
    goodAnswers(`${prefix}${n}@example.org`, {
      fullName: `${prefix.toUpperCase()} Person ${n}`,
      organisation: `${prefix} organisation ${n}`,
      sector,
      ...(sector === 'voluntary-community' ? { organisationKind: 'infrastructure-body' } : {}),
    }),
  );
  const at = `2027-01-${String(10 + n).padStart(2, '0')}T09:00:00Z`;
  return { applicationId: `PIP-${prefix.toUpperCase()}0${n}-0000`, areaId: wakefield.areaId, answers, submittedAt: at, updatedAt: at, version: 1 };
}

/** Seven council and seven voluntary sector applicants, scored so that the seventh of each is the reserve. */
export function reviewedApplicants(): { applications: Application[]; reviews: Review[] } {
  const applications = (['local-authority', 'voluntary-community'] as const).flatMap((sector) => [1, 2, 3, 4, 5, 6, 7].map((n) => applicant(sector, n)));
  const reviews = applications.map((application, index) => {
    const score = 5 - ((index % 7) >> 1);
    return {
      areaId: wakefield.areaId,
      applicationId: application.applicationId,
      staffId: 'sam',
      staffName: 'Sam Rivers',
      reviewedAt: '2027-02-02T09:00:00Z',
      roleFit: score,
      partnershipExperience: score,
      commitment: score,
    };
  });
  return { applications, reviews };
}

/** Every port the selection's use cases take, in memory, holding the reviewed applicants of Wakefield. */
export function selectionPorts(now = AFTER_CLOSE) {
  const audit = new MemoryAudit();
  const outbox = new MemoryOutbox();
  const applications = new MemoryApplications(outbox);
  const reviews = new MemoryReviews(audit);
  const fixture = reviewedApplicants();
  for (const application of fixture.applications) applications.byApplicant.set(`${application.areaId}#${application.answers.email}`, application);
  reviews.reviews.push(...fixture.reviews);
  const staffSteps = new MemoryStaffSteps();
  const ports = {
    areas: new MemoryAreas([wakefield], audit),
    applications,
    reviews,
    selections: new MemorySelections(audit),
    audit,
    outbox,
    emailedLinks: outbox,
    delivery: new MemoryDelivery(),
    clock: clockAt(now),
    linkTokens: countingTokens(),
    staffSteps,
    workflow: staffSteps.workflow,
    // No workshops yet: the area has not reached delivery, so no invitation follows a change.
    progress: { get: async () => undefined, save: async () => undefined, clearFailure: async () => false },
    workshops: { schedule: async () => undefined, saveSchedule: async () => false, attendance: async () => ({}), saveAttendance: async () => undefined },
    settings: { mailFrom: 'programme@pip.example', staffAlertsTo: 'team@pip.example', publicBaseUrl: BASE_URL },
  };
  return { ports, applications: fixture.applications, audit, outbox, selections: ports.selections, staffSteps };
}
