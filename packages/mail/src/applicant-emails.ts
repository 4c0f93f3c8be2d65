import {
  formatUkDate,
  formatUkDateTime,
  outcomeDueBy,
  type Application,
  type Area,
  type EmailTemplate,
  type OutboundEmail,
} from '@pip/domain';
import { aboutArea, composeEmail, type EmailBlock } from './compose';

/** The applicant's own link to their application, and until when it works. */
export interface OwnLink {
  url: string;
  expiresAt: string;
}

// Anyone can type anything into the application form, and anyone's address: so these emails carry
// nothing the form was given except the applicant's own name, greeting them. Their answers are
// behind their own link, never in an email.

function ownLinkParagraph(link: OwnLink): EmailBlock {
  return {
    paragraph: `You can see what you sent, and change your answers until applications close, with your own link below. `
      + `It works until ${formatUkDateTime(link.expiresAt)}. Do not share it: anyone with the link can see your application.`,
  };
}

function whatHappensNext(area: Area, application: Application, link: OwnLink): EmailBlock[] {
  return whatHappensNextBy(application.applicationId, area.recruitment.closesAt, outcomeDueBy(area).toISOString(), link);
}

function whatHappensNextBy(reference: string, closesAt: string, outcomeBy: string, link: OwnLink): EmailBlock[] {
  return [
    { paragraph: `Your reference number is ${reference}. Please quote it if you contact us.` },
    { heading: 'What happens next' },
    {
      paragraph: `Applications close at ${formatUkDateTime(closesAt)}. `
        + `The programme team will review every application and email you the outcome by ${formatUkDate(outcomeBy)}.`,
    },
    ownLinkParagraph(link),
  ];
}

const ownLinkAction = (link: OwnLink) => ({ label: 'See or change your application', url: link.url });

type ReceivedFacts = Record<string, string>;

function receivedWording(to: string, facts: ReceivedFacts): OutboundEmail {
  const areaId = String(facts.areaId);
  const reference = String(facts.reference);
  const link = { url: String(facts.url), expiresAt: String(facts.linkExpiresAt) };
  return composeEmail({
    messageId: `application-received-${reference}`,
    to,
    ...aboutArea(areaId, reference),
    subject: `Application received: Partnership Improvement Programme, ${facts.areaName} (${reference})`,
    greeting: `Dear ${facts.fullName},`,
    blocks: [
      { paragraph: `We have received your application to join the Partnership Improvement Programme in ${facts.areaName}.` },
      ...whatHappensNextBy(reference, String(facts.closesAt), String(facts.outcomeBy), link),
    ],
    action: ownLinkAction(link),
  });
}

/**
 * The wording of an email the outbox kept as a template, made as it was made when queued: its subject,
 * text and html, or undefined when the email has its wording already or names no template this knows.
 */
export function wordingOfTemplate(email: OutboundEmail): Pick<OutboundEmail, 'subject' | 'text' | 'html'> | undefined {
  if (!email.template || email.text) return undefined;
  if (email.template.name !== 'application-received') return undefined;
  const { subject, text, html } = receivedWording(email.to, email.template.facts);
  return { subject, text, html };
}

/**
 * The subject an email waiting as its template will be sent with, worded as delivery words it: for
 * the records that show an email before it is sent. Undefined for a template this does not know.
 */
export function subjectOfTemplate(to: string, template: EmailTemplate): string | undefined {
  return wordingOfTemplate({ messageId: '', to, subject: '', text: '', html: '', template })?.subject;
}

/** The emails an applicant receives about their application; each carries their own link to it. */
export const applicantEmails = {
  /**
   * Queued in the application's own transaction: it carries the facts its wording is made from
   * (`template`), so the table keeps a small item while it waits and the wording is made as it is sent.
   */
  applicationReceived: (area: Area, application: Application, link: OwnLink): OutboundEmail => {
    const template = {
      name: 'application-received',
      facts: {
        areaId: area.areaId,
        reference: application.applicationId,
        fullName: application.answers.fullName,
        areaName: area.name,
        closesAt: area.recruitment.closesAt,
        outcomeBy: outcomeDueBy(area).toISOString(),
        url: link.url,
        linkExpiresAt: link.expiresAt,
      },
    };
    return { ...receivedWording(application.answers.email, template.facts), template };
  },

  applicationUpdated: (area: Area, application: Application, link: OwnLink): OutboundEmail =>
    composeEmail({
      messageId: `application-updated-${application.applicationId}-v${application.version}`,
      to: application.answers.email,
      ...aboutArea(area.areaId, application.applicationId),
      subject: `Application updated: Partnership Improvement Programme, ${area.name} (${application.applicationId})`,
      greeting: `Dear ${application.answers.fullName},`,
      blocks: [
        {
          paragraph: `We have updated your application to join the Partnership Improvement Programme in ${area.name} `
            + `with the answers you sent at ${formatUkDateTime(application.updatedAt)}. They replace your earlier answers.`,
        },
        { paragraph: 'If you did not change your application, contact the programme team by replying to this email.' },
        ...whatHappensNext(area, application, link),
      ],
      action: ownLinkAction(link),
    }),

  /**
   * To the applicant, when the form was sent again with their address. Whoever sent it may be
   * someone else, so nothing they typed is in it: the greeting is the applicant's own stored name.
   */
  appliedAgain: (area: Area, application: Application, link: OwnLink, at: string): OutboundEmail =>
    composeEmail({
      messageId: `application-applied-again-${application.applicationId}-${at}`,
      to: application.answers.email,
      ...aboutArea(area.areaId, application.applicationId),
      subject: `Someone tried to apply again with your email address: Partnership Improvement Programme, ${area.name}`,
      greeting: `Dear ${application.answers.fullName},`,
      blocks: [
        {
          paragraph: `Someone (perhaps you) tried to apply again to join the Partnership Improvement Programme in ${area.name} `
            + `with this email address at ${formatUkDateTime(at)}. We have not changed your application.`,
        },
        {
          paragraph: `To see or change your application, use your own link below. It works until ${formatUkDateTime(link.expiresAt)}; `
            + `you can change your answers until applications close at ${formatUkDateTime(area.recruitment.closesAt)}.`,
        },
        { paragraph: 'If it was not you, you do not need to do anything: only someone with this link can see or change your application.' },
        { paragraph: `Your reference number is ${application.applicationId}.` },
      ],
      action: ownLinkAction(link),
    }),
};
