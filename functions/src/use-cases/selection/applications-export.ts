import { applicationsTable, rosterStatus, rosterStatusInWords, type Ports } from '@pip/domain';
import { recordedConflicts, reviewIndependence } from '../staff/review-independence';

/**
 * Every application of an area, with its independent reviews' count and mean score (as the selection
 * ranks it) and where the applicant stands now, as a table to download.
 */
export async function applicationsExport(
  ports: Pick<Ports, 'areas' | 'applications' | 'reviews' | 'selections' | 'staffConnections' | 'declaredConflicts'>,
  areaId: string,
): Promise<{ filename: string; header: string[]; rows: unknown[][] }> {
  const [area, applications, reviews, selection, conflicts] = await Promise.all([
    ports.areas.existing(areaId),
    ports.applications.listForArea(areaId),
    ports.reviews.listForArea(areaId),
    ports.selections.get(areaId),
    recordedConflicts(ports, areaId),
  ]);
  const { independent } = reviewIndependence(conflicts, area, applications, reviews);
  const table = applicationsTable(applications, independent);
  return {
    filename: `${area.areaId}-applications.csv`,
    // The table counts what it is given: here, the independent reviews only.
    header: [...table.header.map((title) => (title === 'Reviews' ? 'Independent reviews' : title)), 'Status'],
    rows: table.rows.map((row, index) => [...row, rosterStatusInWords(rosterStatus(selection, applications[index]!.applicationId))]),
  };
}
