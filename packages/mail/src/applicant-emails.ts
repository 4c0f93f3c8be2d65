import {
  formatUkDate,
  formatUkDateTime,
  outcomeDueBy,
  type ApplicantEmails,
  type Application,
  type Area,
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

/** The emails an applicant receives, with links to the public application pages at `baseUrl`. */
export function applicantEmails(baseUrl: string): ApplicantEmails {
  const applyLink = (area: Area) => ({ label: 'Change your application', url: `${baseUrl}/apply/${encodeURIComponent(area.areaId)}` });
  return {
    applicationReceived: (area, application) =>
      composeEmail({
        messageId: `application-received-${application.applicationId}`,
        to: application.answers.email,
        subject: `Application received: Partnership Improvement Programme, ${area.name} (${application.applicationId})`,
        greeting: `Dear ${application.answers.fullName},`,
        blocks: [
          { paragraph: `We have received your application to join the Partnership Improvement Programme in ${area.name}.` },
          ...whatHappensNext(area, application),
        ],
        action: applyLink(area),
      }),
    applicationUpdated: (area, application) =>
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
        action: applyLink(area),
      }),
  };
}
