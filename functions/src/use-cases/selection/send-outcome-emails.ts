import { isLead, type Application, type Area, type AreaSelection, type EmailToSend, type Ports } from '@pip/domain';
import { selectionEmails } from '@pip/mail';
import { withdrawalLinkFor } from './place-emails';
import { queueEmails } from '../shared/send-emails';

/**
 * Tells every applicant the outcome of the approved selection: one email each, whatever happens.
 * The message id is the applicant's, so a retry (of the approval or the workflow step) queues nothing new.
 */
export async function sendOutcomeEmails(
  ports: Pick<Ports, 'outbox' | 'clock' | 'linkTokens' | 'links'>,
  area: Area,
  selection: AreaSelection,
  applications: Application[],
): Promise<void> {
  const applyUrl = ports.links.openAreas();
  const outcomeEmail = (application: Application): EmailToSend[] => {
    const outcome = selection.outcomes?.[application.applicationId];
    if (!outcome) return [];
    if (outcome.kind === 'selected') {
      const { url, link } = withdrawalLinkFor(ports, area, application);
      return [{ email: selectionEmails.selected(area, application, url, isLead(selection, application.applicationId)), link }];
    }
    if (outcome.kind === 'reserve') return [{ email: selectionEmails.reserve(area, application, outcome.rank, applyUrl) }];
    return [{ email: selectionEmails.notSelected(area, application, applyUrl) }];
  };
  await queueEmails(ports, applications.flatMap(outcomeEmail));
}
