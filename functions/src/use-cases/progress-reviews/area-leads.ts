import { sectors, type Ports, type Recipient } from '@pip/domain';

/** The two leads of an approved selection, as recipients; none before the selection is approved. */
export async function areaLeads(ports: Pick<Ports, 'selections' | 'applications'>, areaId: string): Promise<Recipient[]> {
  const [selection, applications] = await Promise.all([ports.selections.get(areaId), ports.applications.listForArea(areaId)]);
  if (selection?.status !== 'approved') return [];
  return sectors
    .map((sector) => applications.find((application) => application.applicationId === selection.leads[sector]))
    .filter((lead) => lead !== undefined)
    .map((lead) => ({ key: lead.applicationId, name: lead.answers.fullName, email: lead.answers.email }));
}
