import { formatUkDate, type Area, type OutboundEmail } from '@pip/domain';
import { aboutArea, composeEmail } from './compose';

interface Participant {
  applicationId: string;
  name: string;
  email: string;
}

/** Asking each participant to evaluate the programme, and reminding those who have not. */
export const evaluationEmails = {
  invitation: (area: Area, to: Participant, url: string): OutboundEmail =>
    composeEmail({
      messageId: `evaluation-${area.areaId}-${to.applicationId}`,
      to: to.email,
      ...aboutArea(area.areaId, to.applicationId),
      subject: `How was the programme? Evaluation, Partnership Improvement Programme, ${area.name}`,
      greeting: `Dear ${to.name},`,
      blocks: [
        { paragraph: `Now that the four workshops in ${area.name} are over, please tell us how the programme went for you. It takes about five minutes.` },
        { paragraph: 'Your answers are combined with everyone else’s in what we report; your link is personal, and you can change your answers with it until the survey closes.' },
      ],
      action: { label: 'Evaluate the programme', url },
    }),

  reminderId: (areaId: string, applicationId: string) => `evaluation-reminder-${areaId}-${applicationId}`,

  /** Held until `sendAfter`; withdrawn as soon as the participant answers; never sent once their link has expired. */
  reminder: (area: Area, to: Participant, url: string, sendAfter: string, notAfter: string): OutboundEmail => ({
    ...composeEmail({
      messageId: evaluationEmails.reminderId(area.areaId, to.applicationId),
      to: to.email,
      ...aboutArea(area.areaId, to.applicationId),
      subject: `Reminder: please evaluate the programme, ${area.name}`,
      greeting: `Dear ${to.name},`,
      blocks: [{ paragraph: `We have not yet had your evaluation of the programme in ${area.name}. It takes about five minutes, and it shapes how the programme runs in other areas. Please answer soon: the survey closes when the programme team ends the evaluation of your area.` }],
      action: { label: 'Evaluate the programme', url },
    }),
    sendAfter,
    notAfter,
  }),

  /** Sent by staff to a participant who has not answered, once per round of reminders (`roundId`), with a fresh link. */
  staffReminder: (area: Area, to: Participant, url: string, expiresAt: string, roundId: string): OutboundEmail =>
    composeEmail({
      messageId: `evaluation-reminder-round-${area.areaId}-${roundId}-${to.applicationId}`,
      to: to.email,
      ...aboutArea(area.areaId, to.applicationId),
      subject: `Reminder: please evaluate the programme, ${area.name}`,
      greeting: `Dear ${to.name},`,
      blocks: [
        { paragraph: `We have not yet had your evaluation of the programme in ${area.name}. It takes about five minutes, and it shapes how the programme runs in other areas.` },
        { paragraph: `Please answer soon: the survey closes when the programme team ends the evaluation of your area. Your link is personal to you and works until ${formatUkDate(expiresAt)}.` },
      ],
      action: { label: 'Evaluate the programme', url },
    }),
};
