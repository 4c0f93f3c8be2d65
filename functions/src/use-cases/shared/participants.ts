import { sectors, type Application, type AreaSelection, type Ports } from '@pip/domain';

/** The selected participants of an approved selection, as they stand after withdrawals and offers. */
export async function selectedParticipants(ports: Pick<Ports, 'selections' | 'applications'>, areaId: string): Promise<Application[]> {
  const [selection, applications] = await Promise.all([ports.selections.get(areaId), ports.applications.listForArea(areaId)]);
  return participantsOf(selection, applications);
}

/** As `selectedParticipants`, from a selection and applications already read (a region's, read together). */
export function participantsOf(selection: AreaSelection | undefined, applications: readonly Application[]): Application[] {
  if (selection?.status !== 'approved') return [];
  const ids = new Set(sectors.flatMap((sector) => selection.selected[sector]));
  return applications.filter((application) => ids.has(application.applicationId));
}
