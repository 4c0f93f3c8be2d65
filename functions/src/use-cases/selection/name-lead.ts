import { SelectionNotApprovedError, ValidationError, sectors, selectionAudit, withLead, type Actor } from '@pip/domain';
import { calendarsFollowSelection, type CalendarFollowPorts } from './calendars-follow-selection';
import { changeApprovedSelection, type SelectionChangePorts } from './change-approved-selection';
import { applicationIn } from './selection-context';

/** Staff name a new lead from those selected, when a lead has withdrawn: the sector and the person as the form sent them. */
export async function nameLead(ports: SelectionChangePorts & CalendarFollowPorts, areaId: string, choice: { sector: string; lead: string }, actor: Actor): Promise<void> {
  const sector = sectors.find((known) => known === choice.sector);
  const applicationId = choice.lead;
  if (!sector || !applicationId) throw ValidationError.of('lead', 'Choose the new lead');
  await changeApprovedSelection(ports, areaId, actor, () => new SelectionNotApprovedError('lead'), (approved, context) => ({
    selection: withLead(approved, sector, applicationId),
    audit: selectionAudit.leadNamed(applicationIn(context, applicationId).answers.fullName),
    emails: () => [],
  }));
  // The booked sessions move from the lead who left to the one named.
  await calendarsFollowSelection(ports, areaId);
}
