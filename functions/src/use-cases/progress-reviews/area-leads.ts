import { sectors, type Application, type AreaSelection, type Ports, type Recipient } from '@pip/domain';

/** The two leads of an approved selection, as recipients; none before the selection is approved. */
export async function areaLeads(ports: Pick<Ports, 'selections' | 'applications'>, areaId: string): Promise<Recipient[]> {
  const [selection, applications] = await Promise.all([ports.selections.get(areaId), ports.applications.listForArea(areaId)]);
  return leadsOf(selection, applications);
}

/** The leads from a selection and applications already read: a page that needs both for more than its leads reads them once. */
export function leadsOf(selection: AreaSelection | undefined, applications: readonly Application[]): Recipient[] {
  if (selection?.status !== 'approved') return [];
  return sectors
    .map((sector) => applications.find((application) => application.applicationId === selection.leads[sector]))
    .filter((lead) => lead !== undefined)
    .map((lead) => ({ key: lead.applicationId, name: lead.answers.fullName, email: lead.answers.email }));
}
