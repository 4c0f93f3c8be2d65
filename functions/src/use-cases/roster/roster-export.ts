import { WORKSHOPS_PER_AREA, formatUkDate, rosterStatusInWords, sectorNames, unreachableInWords, workshopPresenceWords, type AreaRoster, type Workshop } from '@pip/domain';
import { areaRoster, type RosterPorts } from './area-roster';

/** A workshop's column heading, with its date once scheduled. */
function workshopHeading(number: number, workshops: readonly Workshop[]): string {
  const workshop = workshops.find((candidate) => candidate.number === number);
  return workshop ? `Workshop ${number} (${formatUkDate(workshop.startsAt)})` : `Workshop ${number}`;
}

/** The roster as a table in the team's words and UK dates, one row per applicant. */
export function rosterTable({ workshops, rows }: Pick<AreaRoster, 'workshops' | 'rows'>): { header: string[]; rows: unknown[][] } {
  const numbers = Array.from({ length: WORKSHOPS_PER_AREA }, (_, index) => index + 1);
  return {
    header: [
      'Reference',
      'Name',
      'Email',
      'Email problem',
      'Organisation',
      'Job title',
      'Sector',
      'Status',
      ...numbers.map((number) => workshopHeading(number, workshops)),
      'Consultancy sessions',
      'Follow-up review',
      'Evaluation',
    ],
    rows: rows.map(({ application, status, record, unreachable }) => [
      application.applicationId,
      application.answers.fullName,
      application.answers.email,
      unreachable ? unreachableInWords(unreachable) : '',
      application.answers.organisation,
      application.answers.jobTitle,
      sectorNames[application.answers.sector],
      rosterStatusInWords(status),
      ...record.workshops.map((presence) => workshopPresenceWords[presence]),
      record.consultancy,
      record.followUp,
      record.evaluation,
    ]),
  };
}

/** The roster of an area as a CSV download. */
export async function rosterExport(ports: RosterPorts, areaId: string): Promise<{ filename: string; header: string[]; rows: unknown[][] }> {
  const roster = await areaRoster(ports, areaId);
  return { filename: `${roster.area.areaId}-roster.csv`, ...rosterTable(roster) };
}
