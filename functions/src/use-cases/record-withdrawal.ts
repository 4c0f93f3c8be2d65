import { NotSelectedError, selectionAudit, withdrawParticipant, type Actor, type Ports } from '@pip/domain';
import { selectionEmails } from '@pip/mail';
import { changeApprovedSelection } from './change-approved-selection';
import { placeOfferedEmail } from './participation-emails';
import { applicationIn } from './selection-context';
import { invitationsFollowSelection } from './workshop-invitations';

export type RecordWithdrawalPorts = Pick<
  Ports,
  'areas' | 'applications' | 'reviews' | 'selections' | 'clock' | 'outbox' | 'delivery' | 'linkTokens' | 'progress' | 'workshops' | 'settings'
>;

/**
 * A selected participant withdraws (through their link, or staff record it): they are emailed to
 * confirm, the next reserve of their sector is offered the place and, once workshop invitations have
 * gone out, those still to come are cancelled for them. Refused with NotSelectedError when they have
 * no place to withdraw from.
 */
export async function recordWithdrawal(ports: RecordWithdrawalPorts, areaId: string, applicationId: string, actor: Actor, baseUrl: string): Promise<void> {
  await changeApprovedSelection(ports, areaId, actor, () => new NotSelectedError(), (approved, context) => {
    const withdrawal = withdrawParticipant(approved, applicationId);
    if (!withdrawal) return undefined;
    const person = applicationIn(context, applicationId);
    const offered = withdrawal.offeredTo ? applicationIn(context, withdrawal.offeredTo) : undefined;
    return {
      selection: withdrawal.selection,
      audit: selectionAudit.withdrew(person.answers.fullName, withdrawal.wasLead, offered?.answers.fullName),
      emails: () => [
        { email: selectionEmails.withdrawalConfirmed(context.area, person, `${baseUrl}/apply`) },
        ...(offered ? [placeOfferedEmail(ports, context.area, offered, baseUrl)] : []),
      ],
    };
  });
  await invitationsFollowSelection(ports, areaId, { left: applicationId });
}
