import { NotFoundError, SelectionNotApprovedError, ValidationError, sectors, selectionAudit, withLead, type Actor, type Ports } from '@pip/domain';
import { announceSelectionChange, type AnnouncedChangePorts } from './announce-selection-change';

export type NameLeadPorts = AnnouncedChangePorts & Pick<Ports, 'applications'>;

/**
 * Staff name a new lead from those selected, when a lead has withdrawn: the sector and the person as
 * the form sent them. Written with its announcement; the table's stream then moves the booked
 * sessions from the lead who left to the one named. Only the selection and the person named are read.
 */
export async function nameLead(ports: NameLeadPorts, areaId: string, choice: { sector: string; lead: string }, actor: Actor): Promise<void> {
  const sector = sectors.find((known) => known === choice.sector);
  const applicationId = choice.lead;
  if (!sector || !applicationId) throw ValidationError.of('lead', 'Choose the new lead');
  await announceSelectionChange(
    ports,
    areaId,
    actor,
    () => new SelectionNotApprovedError('lead'),
    async () => {
      // Names only, for the timeline: the decision is the selection's, read consistently, so the reference index's copy (one round trip) serves.
      const [stored, person] = await Promise.all([ports.selections.get(areaId), ports.applications.findByReferenceToShow(areaId, applicationId)]);
      return { stored, person };
    },
    async (approved, { person }) => {
      // Refuses someone not selected, in the words of the form's field.
      const selection = withLead(approved, sector, applicationId);
      if (!person) throw new NotFoundError('Application');
      return {
        selection,
        audit: selectionAudit.leadNamed(person.answers.fullName),
        announcement: (version) => ({ kind: 'lead-named', areaId, version, applicationId }),
      };
    },
  );
}
