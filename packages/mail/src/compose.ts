import { APPLICATION_REFERENCE_PATTERN, type OutboundEmail } from '@pip/domain';
import { html } from '@pip/html';

/** A paragraph is plain words; a heading starts a part of the email. */
export type EmailBlock = { paragraph: string } | { heading: string };

export interface EmailContent {
  messageId: string;
  to: string;
  subject: string;
  greeting: string;
  blocks: EmailBlock[];
  /** The one thing the email asks of its reader. */
  action: { label: string; url: string };
  /** The area the email is about: what becomes of it shows in that area's timeline. */
  areaId?: string;
  /** The application reference of the person it is to, by which the timeline names them. */
  applicationId?: string;
}

/** Who every email comes from, and who organises every calendar event. */
export const PROGRAMME_TEAM = 'The Partnership Improvement Programme team';

/**
 * Who an area's email is to, for its timeline: the area, and the person's application reference
 * when the recipient is an applicant or participant (a facilitator's or staff key names no application).
 */
export function aboutArea(areaId: string, recipientKey?: string): Pick<EmailContent, 'areaId' | 'applicationId'> {
  return { areaId, ...(recipientKey && APPLICATION_REFERENCE_PATTERN.test(recipientKey) ? { applicationId: recipientKey } : {}) };
}

/** One content, two renderings: every email goes out as plain text and as HTML. */
export function composeEmail(content: EmailContent): OutboundEmail {
  const text = [
    content.greeting,
    ...content.blocks.map((block) => ('heading' in block ? block.heading.toUpperCase() : block.paragraph)),
    `${content.action.label}:\n${content.action.url}`,
    PROGRAMME_TEAM,
  ].join('\n\n');

  const body = html`<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>${content.subject}</title></head>
<body style="font-family: Arial, sans-serif; font-size: 19px; line-height: 1.4; color: #0b0c0c; max-width: 640px;">
<p>${content.greeting}</p>
${content.blocks.map((block) =>
  'heading' in block
    ? html`<h2 style="font-size: 24px;">${block.heading}</h2>\n`
    : html`<p>${block.paragraph}</p>\n`,
)}
<p><a href="${content.action.url}" style="color: #1d70b8;">${content.action.label}</a></p>
<p>${PROGRAMME_TEAM}</p>
</body></html>`;

  return {
    messageId: content.messageId,
    to: content.to,
    subject: content.subject,
    text,
    html: body.value,
    ...(content.areaId ? { areaId: content.areaId } : {}),
    ...(content.applicationId ? { applicationId: content.applicationId } : {}),
  };
}
