import {
  formatUkDate,
  formatUkDateTime,
  outcomeDueBy,
  type Application,
  type Area,
  type OutboundEmail,
} from '@pip/domain';
import { composeEmail, type EmailBlock } from './compose';

function whatHappensNext(area: Area, application: Application): EmailBlock[] {
  return [
    { paragraph: `Your reference number is ${application.applicationId}. Please quote it if you contact us.` },
    { heading: 'What happens next' },
    {
      paragraph: `Applications close at ${formatUkDateTime(area.recruitment.closesAt)}. The programme team will review every application and email you the outcome by ${formatUkDate(outcomeDueBy(area))}.`,
    },
    {
      paragraph:
        'You can change your answers until applications close by applying again with the same email address. Your application keeps the same reference number.',
    },
  ];
}

const changeLink = (formUrl: string) => ({ label: 'Change your application', url: formUrl });

/** The emails an applicant receives; each links to the application form (`formUrl`), since applying again is how answers change. */
export const applicantEmails = {
  applicationReceived: (area: Area, application: Application, formUrl: string): OutboundEmail =>
    composeEmail({
      messageId: `application-received-${application.applicationId}`,
      to: application.answers.email,
      subject: `Application received: Partnership Improvement Programme, ${area.name} (${application.applicationId})`,
      greeting: `Dear ${application.answers.fullName},`,
      blocks: [
        { paragraph: `We have received your application to join the Partnership Improvement Programme in ${area.name}.` },
        ...whatHappensNext(area, application),
      ],
      action: changeLink(formUrl),
    }),

  applicationUpdated: (area: Area, application: Application, formUrl: string): OutboundEmail =>
    composeEmail({
      messageId: `application-updated-${application.applicationId}-v${application.version}`,
      to: application.answers.email,
      subject: `Application updated: Partnership Improvement Programme, ${area.name} (${application.applicationId})`,
      greeting: `Dear ${application.answers.fullName},`,
      blocks: [
        {
          paragraph: `We have updated your application to join the Partnership Improvement Programme in ${area.name} with the answers you sent at ${formatUkDateTime(application.updatedAt)}. They replace your earlier answers.`,
        },
        ...whatHappensNext(area, application),
      ],
      action: changeLink(formUrl),
    }),
};
