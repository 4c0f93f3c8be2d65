import { regionName, type Area, type Ports, type WorkflowState } from '@pip/domain';
import { staffPrompt } from '@pip/mail';
import { regionProgress } from '../delivery/region-progress';
import { queueEmails } from '../shared/send-emails';
import { recordStageEntered } from './enter-stage';
import type { PromptPorts } from './prompt-staff';

/** The last area of its region is complete: staff are asked to schedule the region's learning and mentoring event. */
async function promptLearningEvent(ports: PromptPorts, area: Area): Promise<void> {
  const region = regionName(area.regionId);
  await queueEmails(ports, [
    {
      email: staffPrompt({
        messageId: `workflow-region-${area.regionId}-learning-event`,
        to: ports.settings.staffAlertsTo,
        about: region,
        subject: 'Every area is complete: schedule the learning and mentoring event',
        paragraphs: [`The last area of ${region}, ${area.name}, is complete. Schedule the region's learning and mentoring event; its invitations go to every participant of the region.`],
        consoleUrl: ports.links.learningEvent(area.regionId),
      }),
    },
  ]);
}

/** Staff closed the evaluation: the area is complete, and so perhaps is its region. */
export async function completeArea(ports: PromptPorts & Pick<Ports, 'progress' | 'audit'>, state: WorkflowState): Promise<WorkflowState> {
  const area = await ports.areas.existing(state.areaId);
  await recordStageEntered(ports, area.areaId, 'complete', 'Evaluation closed: the area is complete');
  if ((await regionProgress(ports, area.regionId)).complete) await promptLearningEvent(ports, area);
  return state;
}
