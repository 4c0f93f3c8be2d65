import { formatUkDateTime, type Area, type OutboundEmail } from '@pip/domain';
import { composeEmail } from './compose';

/** A saved application's link, and until when it works. */
export interface SavedLink {
  url: string;
  expiresAt: string;
}

// Anyone can type any address into the form: these emails carry nothing the form was given, not even
// a name, only the link to the answers; whoever did not save them can ignore the email.

const ignoreIfNotYou = { paragraph: 'If you did not start an application, you do not need to do anything: nobody can see the answers without this link.' };

/** The emails of "Save and come back later": the link when answers are saved, and one reminder before applications close. */
export const savedApplicationEmails = {
  /** `saveRequest`: the id of the page's save, so the same save sent twice queues one email. */
  saved: (area: Area, to: string, link: SavedLink, saveRequest: string): OutboundEmail =>
    composeEmail({
      messageId: `application-saved-${area.areaId}-${saveRequest}`,
      to,
      areaId: area.areaId,
      subject: `Your saved application: Partnership Improvement Programme, ${area.name}`,
      greeting: 'Hello,',
      blocks: [
        { paragraph: `We have saved your answers to the application to join the Partnership Improvement Programme in ${area.name}. Your application has not been sent.` },
        {
          paragraph: `To carry on, use the link below. It works until ${formatUkDateTime(link.expiresAt)} (28 days after you last saved). `
            + `You do not need a password. Do not share the link: anyone with it can see and change your answers.`,
        },
        { paragraph: `Applications close at ${formatUkDateTime(area.recruitment.closesAt)}. Send your application before then.` },
        ignoreIfNotYou,
      ],
      action: { label: 'Continue your application', url: link.url },
    }),

  /** `messageId`: one per address and area, however many times they saved. */
  reminder: (area: Area, to: string, link: SavedLink, messageId: string, timing: { sendAfter: string; notAfter: string }): OutboundEmail => ({
    ...composeEmail({
      messageId,
      to,
      areaId: area.areaId,
      subject: `Applications close soon: your saved application, Partnership Improvement Programme, ${area.name}`,
      greeting: 'Hello,',
      blocks: [
        {
          paragraph: `You saved an application to join the Partnership Improvement Programme in ${area.name} but have not sent it. `
            + `Applications close at ${formatUkDateTime(area.recruitment.closesAt)}.`,
        },
        { paragraph: `To check your answers and send your application, use the link below. It works until ${formatUkDateTime(link.expiresAt)}.` },
        ignoreIfNotYou,
      ],
      action: { label: 'Continue your application', url: link.url },
    }),
    ...timing,
  }),
};
