import { SelectionNotApprovedError, selectionAudit, withLead, type Actor, type Sector } from '@pip/domain';
import { changeApprovedSelection, type SelectionChangePorts } from './change-approved-selection';
import { applicationIn } from './selection-context';

/** Staff name a new lead from those selected, when a lead has withdrawn. */
export async function nameLead(ports: SelectionChangePorts, areaId: string, sector: Sector, applicationId: string, actor: Actor): Promise<void> {
  await changeApprovedSelection(ports, areaId, actor, () => new SelectionNotApprovedError('lead'), (approved, context) => ({
    selection: withLead(approved, sector, applicationId),
    audit: selectionAudit.leadNamed(applicationIn(context, applicationId).answers.fullName),
    emails: () => [],
  }));
}
