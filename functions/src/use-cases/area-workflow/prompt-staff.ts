import type { Ports, StaffAreaPage } from '@pip/domain';
import { staffPrompt } from '@pip/mail';
import { queueEmails, type SendPorts } from '../shared/send-emails';

export type PromptPorts = SendPorts & Pick<Ports, 'areas' | 'settings' | 'links'>;

/**
 * Tells the programme team what the area's workflow needs of them, with a link to the console
 * page where they do it. `key` names the prompt, so a retried step sends it once.
 */
export async function promptStaff(ports: PromptPorts, areaId: string, key: string, subject: string, paragraphs: string[], page: StaffAreaPage = 'programme'): Promise<void> {
  // An alert must go even when the area itself is what went wrong: then its id names it.
  const about = (await ports.areas.get(areaId))?.name ?? areaId;
  await queueEmails(ports, [
    {
      email: staffPrompt({
        messageId: `workflow-${areaId}-${key}`,
        to: ports.settings.staffAlertsTo,
        areaId,
        about,
        subject,
        paragraphs,
        consoleUrl: ports.links.staffArea(areaId, page),
      }),
    },
  ]);
}
