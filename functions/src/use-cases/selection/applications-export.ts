import { applicationsTable, rosterStatus, rosterStatusInWords, type Ports } from '@pip/domain';

/** Every application of an area, with its reviews' count, mean score and where the applicant stands now, as a table to download. */
export async function applicationsExport(
  ports: Pick<Ports, 'areas' | 'applications' | 'reviews' | 'selections'>,
  areaId: string,
): Promise<{ filename: string; header: string[]; rows: unknown[][] }> {
  const [area, applications, reviews, selection] = await Promise.all([
    ports.areas.existing(areaId),
    ports.applications.listForArea(areaId),
    ports.reviews.listForArea(areaId),
    ports.selections.get(areaId),
  ]);
  const table = applicationsTable(applications, reviews);
  return {
    filename: `${area.areaId}-applications.csv`,
    header: [...table.header, 'Status'],
    rows: table.rows.map((row, index) => [...row, rosterStatusInWords(rosterStatus(selection, applications[index]!.applicationId))]),
  };
}
