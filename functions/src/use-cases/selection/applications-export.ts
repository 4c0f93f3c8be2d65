import { applicationsTable, type Ports } from '@pip/domain';

/** Every application of an area, with its reviews' count and mean score, as a table to download. */
export async function applicationsExport(
  ports: Pick<Ports, 'areas' | 'applications' | 'reviews'>,
  areaId: string,
): Promise<{ filename: string; header: string[]; rows: unknown[][] }> {
  const [area, applications, reviews] = await Promise.all([
    ports.areas.existing(areaId),
    ports.applications.listForArea(areaId),
    ports.reviews.listForArea(areaId),
  ]);
  return { filename: `${area.areaId}-applications.csv`, ...applicationsTable(applications, reviews) };
}
