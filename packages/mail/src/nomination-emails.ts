import { createHash } from 'node:crypto';
import { applicantKey, formatUkDate, formatUkDateTime, type Area, type NominationAnswers, type OutboundEmail, type Partner } from '@pip/domain';
import { aboutArea, composeEmail } from './compose';

/** The same partner putting the same person forward for the same area again, as with a double click, is the same email. */
function nominationKey(area: Area, partner: Partner, answers: NominationAnswers): string {
  const who = `${applicantKey(answers.candidateEmail)}|${partner.partnerId}`;
  return `${area.areaId}-${createHash('sha256').update(who).digest('hex').slice(0, 20)}`;
}

const nominatedBy = (partner: Partner) => `${partner.contactName} of ${partner.organisation}`;

/**
 * The emails of nominations. What the person who nominates typed reaches nobody but the programme
 * team, apart from the candidate's name: who nominated is the partner staff issued the link to, and
 * the confirmation goes to that partner's own address, never to one given in the form.
 */
export const nominationEmails = {
  /** To the partner's contact when staff issue a link; `coverage` says where they may nominate. */
  partnerLink: (partner: Partner, coverage: string, nominateUrl: string): OutboundEmail => {
    const link = partner.links.at(-1)!;
    return composeEmail({
      messageId: `partner-link-${partner.partnerId}-${partner.version}`,
      to: partner.contactEmail,
      subject: `Your nomination link: Partnership Improvement Programme`,
      greeting: `Dear ${partner.contactName},`,
      blocks: [
        { paragraph: `The programme team has set up a link for ${partner.organisation} to nominate voluntary and community sector leaders for the Partnership Improvement Programme, for ${coverage}.` },
        { paragraph: 'Each person you nominate gets an email from us with a link to apply, with the details you give filled in. We confirm each nomination to you at this address.' },
        { heading: 'Keep this link to yourself' },
        { paragraph: `The link is for you alone: do not forward it. It works until ${formatUkDate(link.expiresAt)} unless we withdraw it. If we send you a new link, this one stops working.` },
      ],
      action: { label: 'Nominate a candidate', url: nominateUrl },
    });
  },

  invitation: (area: Area, partner: Partner, answers: NominationAnswers, applyUrl: string): OutboundEmail =>
    composeEmail({
      messageId: `nomination-${nominationKey(area, partner, answers)}`,
      to: answers.candidateEmail,
      ...aboutArea(area.areaId),
      subject: `You have been nominated: Partnership Improvement Programme, ${area.name}`,
      greeting: `Dear ${answers.candidateName},`,
      blocks: [
        { paragraph: `${nominatedBy(partner)} has nominated you to take part in the Partnership Improvement Programme in ${area.name}.` },
        { heading: 'What to do next' },
        { paragraph: `If you would like to take part, apply by ${formatUkDateTime(area.recruitment.closesAt)} using the link below. We have filled in the details your nominator gave us; check them and answer the remaining questions.` },
        { paragraph: 'If you do not want to take part, you need do nothing.' },
      ],
      action: { label: 'Apply to join the programme', url: applyUrl },
    }),

  confirmation: (area: Area, partner: Partner, answers: NominationAnswers, nominateUrl: string): OutboundEmail =>
    composeEmail({
      messageId: `nomination-confirmed-${nominationKey(area, partner, answers)}`,
      to: partner.contactEmail,
      subject: `Your nomination of ${answers.candidateName}: Partnership Improvement Programme, ${area.name}`,
      greeting: `Dear ${partner.contactName},`,
      blocks: [
        { paragraph: `Thank you for nominating ${answers.candidateName} for ${area.name}. We have emailed them a link to apply, with the details you gave us filled in.` },
        { paragraph: `Applications for ${area.name} close at ${formatUkDateTime(area.recruitment.closesAt)}. The programme team will see your nomination beside their application.` },
      ],
      action: { label: 'Nominate someone else', url: nominateUrl },
    }),
};
