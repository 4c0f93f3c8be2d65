import type { Application, Area, OutboundEmail } from '@pip/domain';
import { aboutArea, composeEmail } from './compose';

const greeting = (application: Application) => `Dear ${application.answers.fullName},`;
const programmeIn = (area: Area) => `the Partnership Improvement Programme in ${area.name}`;

/** The emails that put right a withdrawal staff recorded by mistake. */
export const withdrawalUndoneEmails = {
  /** To the participant: the earlier email saying they had withdrawn was a mistake. `occasion` makes each undo its own email. */
  stillTakingPart: (area: Area, application: Application, programmeUrl: string, occasion: number): OutboundEmail =>
    composeEmail({
      messageId: `withdrawal-undone-${area.areaId}-${application.applicationId}-${occasion}`,
      to: application.answers.email,
      ...aboutArea(area.areaId, application.applicationId),
      subject: `You are still taking part: Partnership Improvement Programme, ${area.name}`,
      greeting: greeting(application),
      blocks: [
        {
          paragraph:
            `We recorded by mistake that you had withdrawn from ${programmeIn(area)}, and emailed you to say so. ` +
            'We have put that right: you still have your place.',
        },
        { paragraph: 'Nothing is needed from you. If you do want to withdraw, use the link in the email that told you of your place.' },
      ],
      action: { label: 'See the programme', url: programmeUrl },
    }),

  /** To the reserve offered the place: it is no longer free, and they keep their place at the top of the reserve list. */
  offerWithdrawn: (area: Area, application: Application, programmeUrl: string, occasion: number): OutboundEmail =>
    composeEmail({
      messageId: `offer-withdrawn-${area.areaId}-${application.applicationId}-${occasion}`,
      to: application.answers.email,
      ...aboutArea(area.areaId, application.applicationId),
      subject: `The place is no longer available: Partnership Improvement Programme, ${area.name}`,
      greeting: greeting(application),
      blocks: [
        {
          paragraph:
            `We are sorry: the place we offered you in ${programmeIn(area)} is no longer available, ` +
            'because the participant whose place it was is taking part after all.',
        },
        { paragraph: 'The link in our earlier email no longer works. You are first on the reserve list, and we will email you again if a place becomes free.' },
      ],
      action: { label: 'See the programme', url: programmeUrl },
    }),
};
