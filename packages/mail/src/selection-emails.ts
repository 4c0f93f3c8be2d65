import { formatUkDate, type Application, type Area, type OutboundEmail } from '@pip/domain';
import { aboutArea, composeEmail } from './compose';

const greeting = (application: Application) => `Dear ${application.answers.fullName},`;
const programmeIn = (area: Area) => `the Partnership Improvement Programme in ${area.name}`;

/** The emails that tell applicants the outcome of the selection and what follows from it. */
export const selectionEmails = {
  selected: (area: Area, application: Application, withdrawUrl: string, isLead: boolean): OutboundEmail =>
    composeEmail({
      messageId: `outcome-${area.areaId}-${application.applicationId}`,
      to: application.answers.email,
      ...aboutArea(area.areaId, application.applicationId),
      subject: `You have been selected: Partnership Improvement Programme, ${area.name}`,
      greeting: greeting(application),
      blocks: [
        { paragraph: `We are pleased to tell you that you have been selected to take part in ${programmeIn(area)}.` },
        ...(isLead
          ? [{ paragraph: 'You have also been named a lead participant: the programme team will contact you first, and you will book two consultancy sessions later in the programme.' }]
          : []),
        { heading: 'What happens next' },
        { paragraph: 'The programme team will visit your area and send you a full briefing on the purpose, content, process, time commitments and benefits of the programme, with the dates of the four half-day workshops.' },
        { paragraph: 'Nothing is needed from you now. If you can no longer take part, please tell us as soon as you can using the link below, so that we can offer your place to someone on the reserve list.' },
      ],
      action: { label: 'Tell us you can no longer take part', url: withdrawUrl },
    }),

  reserve: (area: Area, application: Application, rank: number, applyUrl: string): OutboundEmail =>
    composeEmail({
      messageId: `outcome-${area.areaId}-${application.applicationId}`,
      to: application.answers.email,
      ...aboutArea(area.areaId, application.applicationId),
      subject: `You are on the reserve list: Partnership Improvement Programme, ${area.name}`,
      greeting: greeting(application),
      blocks: [
        { paragraph: `Thank you for applying to ${programmeIn(area)}. All the places have been filled, but you are number ${rank} on the reserve list for your sector.` },
        { heading: 'What happens next' },
        { paragraph: 'If a participant withdraws, we will email you to offer you the place, with a link to accept or decline it. Nothing is needed from you now.' },
      ],
      action: { label: 'See the programme in your area', url: applyUrl },
    }),

  notSelected: (area: Area, application: Application, applyUrl: string): OutboundEmail =>
    composeEmail({
      messageId: `outcome-${area.areaId}-${application.applicationId}`,
      to: application.answers.email,
      ...aboutArea(area.areaId, application.applicationId),
      subject: `Your application: Partnership Improvement Programme, ${area.name}`,
      greeting: greeting(application),
      blocks: [
        { paragraph: `Thank you for applying to ${programmeIn(area)}. We are sorry to tell you that you have not been selected this time.` },
        { paragraph: 'We had more applications than places, and we select for a balance of roles and organisations across the council and the voluntary and community sector. You can ask the programme team for feedback by replying to this email.' },
      ],
      action: { label: 'See other areas open for applications', url: applyUrl },
    }),

  placeOffered: (area: Area, application: Application, answerUrl: string, answerBy: string): OutboundEmail =>
    composeEmail({
      messageId: `offer-${area.areaId}-${application.applicationId}`,
      to: application.answers.email,
      ...aboutArea(area.areaId, application.applicationId),
      subject: `A place is available for you: Partnership Improvement Programme, ${area.name}`,
      greeting: greeting(application),
      blocks: [
        { paragraph: `A place has become available in ${programmeIn(area)}, and as the next person on the reserve list, we would like to offer it to you.` },
        { paragraph: `Please accept or decline the place by ${formatUkDate(answerBy)}. If we do not hear from you by then, we may offer it to the next person on the list.` },
      ],
      action: { label: 'Accept or decline the place', url: answerUrl },
    }),

  withdrawalConfirmed: (area: Area, application: Application, applyUrl: string): OutboundEmail =>
    composeEmail({
      messageId: `withdrawn-${area.areaId}-${application.applicationId}`,
      to: application.answers.email,
      ...aboutArea(area.areaId, application.applicationId),
      subject: `You have withdrawn: Partnership Improvement Programme, ${area.name}`,
      greeting: greeting(application),
      blocks: [
        { paragraph: `We have recorded that you are no longer taking part in ${programmeIn(area)}. Your place will be offered to the next person on the reserve list.` },
        { paragraph: 'If this is a mistake, reply to this email and the programme team will help.' },
      ],
      action: { label: 'See the programme', url: applyUrl },
    }),
};
