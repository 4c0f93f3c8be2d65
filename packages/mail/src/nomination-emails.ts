import { createHash } from 'node:crypto';
import { applicantKey, formatUkDateTime, nominatingBodies, type Area, type NominationAnswers, type OutboundEmail } from '@pip/domain';
import { composeEmail } from './compose';

/** The same nominator putting the same person forward again, as with a double click, is the same email. */
function nominationKey(area: Area, answers: NominationAnswers): string {
  const who = `${applicantKey(answers.candidateEmail)}|${applicantKey(answers.nominatorEmail)}`;
  return `${area.areaId}-${createHash('sha256').update(who).digest('hex').slice(0, 20)}`;
}

const nominatedBy = (answers: NominationAnswers) =>
  `${answers.nominatorName} of ${answers.consortiumName ?? nominatingBodies[answers.body]}`;

/** The emails a nomination sends: an invitation to the candidate and a confirmation to the nominator. */
export const nominationEmails = {
  invitation: (area: Area, answers: NominationAnswers, applyUrl: string): OutboundEmail =>
    composeEmail({
      messageId: `nomination-${nominationKey(area, answers)}`,
      to: answers.candidateEmail,
      subject: `You have been nominated: Partnership Improvement Programme, ${area.name}`,
      greeting: `Dear ${answers.candidateName},`,
      blocks: [
        { paragraph: `${nominatedBy(answers)} has nominated you to take part in the Partnership Improvement Programme in ${area.name}.` },
        { paragraph: `They said: "${answers.reason}"` },
        { heading: 'What to do next' },
        { paragraph: `If you would like to take part, apply by ${formatUkDateTime(area.recruitment.closesAt)} using the link below. We have filled in the details your nominator gave us; check them and answer the remaining questions.` },
        { paragraph: 'If you do not want to take part, you need do nothing.' },
      ],
      action: { label: 'Apply to join the programme', url: applyUrl },
    }),

  confirmation: (area: Area, answers: NominationAnswers, nominateUrl: string): OutboundEmail =>
    composeEmail({
      messageId: `nomination-confirmed-${nominationKey(area, answers)}`,
      to: answers.nominatorEmail,
      subject: `Your nomination of ${answers.candidateName}: Partnership Improvement Programme, ${area.name}`,
      greeting: `Dear ${answers.nominatorName},`,
      blocks: [
        { paragraph: `Thank you for nominating ${answers.candidateName} of ${answers.candidateOrganisation}. We have emailed them a link to apply, with the details you gave us filled in.` },
        { paragraph: `Applications for ${area.name} close at ${formatUkDateTime(area.recruitment.closesAt)}. The programme team will see your nomination beside their application.` },
      ],
      action: { label: 'Nominate someone else', url: nominateUrl },
    }),
};
