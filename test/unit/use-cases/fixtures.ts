import { DAY, parseApplicationAnswers, type Application, type Area, type AreaSelection, type ConsultancySlot, type Review, type Sector } from '@pip/domain';
import { goodAnswers } from '../../support/application-answers';
import { memoryPorts, type MemoryPorts } from '../../support/memory-ports';

/** An area whose applications opened on 4 January 2027 and closed on 1 February. */
export function area(areaId: string, name: string): Area {
  return { areaId, name, regionId: 'yorkshire-and-the-humber', recruitment: { opensAt: '2027-01-04T09:00:00.000Z', closesAt: '2027-02-01T17:00:00.000Z' } };
}

export const LEEDS = area('leeds', 'Leeds');

/** After Leeds's applications closed, when the selection is decided. */
export const AFTER_CLOSE = '2027-02-10T10:00:00.000Z';

/** The nth applicant of a sector in an area: "LA Person 1" of the council, "VC Person 1" of the voluntary sector. */
export function applicant(areaId: string, sector: Sector, n: number): Application {
  const prefix = sector === 'local-authority' ? 'la' : 'vc';
  const answers = parseApplicationAnswers(
    goodAnswers(`${prefix}${n}@${areaId}.example.org`, {
      fullName: `${prefix.toUpperCase()} Person ${n}`,
      organisation: `${prefix} organisation ${n}`,
      sector,
      ...(sector === 'voluntary-community' ? { organisationKind: 'infrastructure-body' } : {}),
    }),
  );
  const at = `2027-01-${String(10 + n).padStart(2, '0')}T09:00:00.000Z`;
  return { applicationId: `PIP-${areaId.slice(0, 4).toUpperCase()}-${prefix.toUpperCase()}${String(n).padStart(2, '0')}`, areaId, answers, submittedAt: at, updatedAt: at, version: 1 };
}

/** Seven council and seven voluntary sector applicants to Leeds, scored by Sam so that the seventh of each is the reserve. */
export const APPLICANTS: readonly Application[] = (['local-authority', 'voluntary-community'] as const).flatMap((sector) =>
  [1, 2, 3, 4, 5, 6, 7].map((n) => applicant(LEEDS.areaId, sector, n)),
);

export const REVIEWS: readonly Review[] = APPLICANTS.map((application, index) => {
  const score = 5 - ((index % 7) >> 1);
  return {
    areaId: LEEDS.areaId,
    applicationId: application.applicationId,
    staffId: 'sam',
    staffName: 'Sam Rivers',
    reviewedAt: '2027-02-02T09:00:00.000Z',
    roleFit: score,
    partnershipExperience: score,
    commitment: score,
  };
});

/** The fourteen reviewed applicants of Leeds, with nothing selected yet. */
export function reviewedLeeds(now = AFTER_CLOSE): MemoryPorts {
  return memoryPorts({ now, areas: [LEEDS], applications: APPLICANTS, reviews: REVIEWS });
}

/** The two participants of an approved selection of two, one per sector; each is the lead of their sector. */
export const LEADS = [applicant(LEEDS.areaId, 'local-authority', 1), applicant(LEEDS.areaId, 'voluntary-community', 1)] as const;

/** Each lead as they act through their own link: their reference and their name. */
export const COUNCIL_LEAD = { key: LEADS[0].applicationId, name: LEADS[0].answers.fullName };
export const VOLUNTARY_LEAD = { key: LEADS[1].applicationId, name: LEADS[1].answers.fullName };

/** The selection approved with these participants, the first of each sector its lead. */
export function approvedWith(participants: readonly Application[]): AreaSelection {
  const ids = (sector: Sector) => participants.filter((participant) => participant.answers.sector === sector).map((participant) => participant.applicationId);
  const selected = { 'local-authority': ids('local-authority'), 'voluntary-community': ids('voluntary-community') };
  return {
    areaId: participants[0]!.areaId,
    version: 2,
    status: 'approved',
    selected,
    leads: { 'local-authority': selected['local-authority'][0], 'voluntary-community': selected['voluntary-community'][0] },
    updatedBy: { name: 'Sam Staff' },
    updatedAt: AFTER_CLOSE,
  };
}

/** Leeds with its selection of the two LEADS approved, and these consultancy slots published. */
export function approvedLeeds(now: string, slots: readonly ConsultancySlot[] = []): MemoryPorts {
  return memoryPorts({ now, areas: [LEEDS], applications: LEADS, selections: [approvedWith(LEADS)], slots });
}

/** A two-hour slot of Fay's in Leeds. */
export function slot(slotId: string, startsAt: string): ConsultancySlot {
  return {
    slotId,
    areaId: LEEDS.areaId,
    facilitator: 'Fay Facilitator',
    facilitatorEmail: 'fay@example.org',
    startsAt,
    endsAt: new Date(Date.parse(startsAt) + 2 * 60 * 60 * 1000).toISOString(),
    mode: 'in-person',
    where: 'Civic Centre',
  };
}

/** The schedule form as staff fill it in: four workshops five weeks apart from `firstDate`. */
export function scheduleForm(firstDate: string, overrides: Record<string, string> = {}): Record<string, string> {
  const form: Record<string, string> = {};
  for (const n of [1, 2, 3, 4]) {
    form[`workshop-${n}-date`] = new Date(Date.parse(firstDate) + (n - 1) * 35 * DAY).toISOString().slice(0, 10);
    form[`workshop-${n}-time`] = '09:30';
    form[`workshop-${n}-minutes`] = '210';
    form[`workshop-${n}-venue`] = n % 2 ? 'Civic Centre' : 'Voluntary Action Centre';
    form[`workshop-${n}-host`] = n % 2 ? 'council' : 'voluntary-sector';
    form[`workshop-${n}-facilitators`] = 'Alex Facilitator';
    form[`workshop-${n}-facilitator-2`] = 'Bea Facilitator';
  }
  return { ...form, ...overrides };
}
