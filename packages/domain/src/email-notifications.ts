import * as z from 'zod/mini';

/** What the email service says became of one email, in the platform's terms. */
export interface EmailNotification {
  kind: 'delivered' | 'bounced' | 'complained';
  /** The email service's id of the message, which the outbox keeps when it sends. */
  sesMessageId: string;
  at: string;
  /** Lower-cased, as the platform compares addresses. */
  recipients: string[];
  /** A bounce that will happen again (no such mailbox), as opposed to a full mailbox. */
  permanent: boolean;
  detail: string;
}

const address = z.object({ emailAddress: z.string(), diagnosticCode: z.optional(z.string()) });
const mail = z.object({ messageId: z.string(), timestamp: z.string() });
const bounce = z.object({
  mail,
  bounce: z.object({ bounceType: z.string(), bounceSubType: z.optional(z.string()), bouncedRecipients: z.array(address), timestamp: z.string() }),
});
const complaint = z.object({
  mail,
  complaint: z.object({ complainedRecipients: z.array(address), timestamp: z.string(), complaintFeedbackType: z.optional(z.string()) }),
});
const delivery = z.object({ mail, delivery: z.object({ recipients: z.array(z.string()), timestamp: z.string() }) });

const lower = (addresses: readonly string[]) => addresses.map((text) => text.trim().toLowerCase());

/**
 * Reads one SES notification, as published to SNS by a configuration set (`eventType`) or by an
 * identity (`notificationType`). Anything else (opens, clicks, malformed text) is not tracked.
 */
export function parseSesNotification(message: string): EmailNotification | undefined {
  let json: unknown;
  try {
    json = JSON.parse(message);
  } catch {
    return undefined;
  }
  const type = (json as { eventType?: unknown; notificationType?: unknown } | null)?.eventType ?? (json as { notificationType?: unknown } | null)?.notificationType;
  if (type === 'Bounce') {
    const parsed = bounce.safeParse(json);
    if (!parsed.success) return undefined;
    const { bounceType, bounceSubType, bouncedRecipients, timestamp } = parsed.data.bounce;
    const diagnostic = bouncedRecipients.map((recipient) => recipient.diagnosticCode).find(Boolean);
    return {
      kind: 'bounced',
      sesMessageId: parsed.data.mail.messageId,
      at: timestamp,
      recipients: lower(bouncedRecipients.map((recipient) => recipient.emailAddress)),
      permanent: bounceType === 'Permanent',
      detail: `${bounceType} bounce${bounceSubType ? ` (${bounceSubType})` : ''}${diagnostic ? `: ${diagnostic}` : ''}`,
    };
  }
  if (type === 'Complaint') {
    const parsed = complaint.safeParse(json);
    if (!parsed.success) return undefined;
    const { complainedRecipients, timestamp, complaintFeedbackType } = parsed.data.complaint;
    return {
      kind: 'complained',
      sesMessageId: parsed.data.mail.messageId,
      at: timestamp,
      recipients: lower(complainedRecipients.map((recipient) => recipient.emailAddress)),
      permanent: true,
      detail: `Complaint${complaintFeedbackType ? ` (${complaintFeedbackType})` : ''}`,
    };
  }
  if (type === 'Delivery') {
    const parsed = delivery.safeParse(json);
    if (!parsed.success) return undefined;
    const { recipients, timestamp } = parsed.data.delivery;
    return { kind: 'delivered', sesMessageId: parsed.data.mail.messageId, at: timestamp, recipients: lower(recipients), permanent: false, detail: 'Delivered' };
  }
  return undefined;
}

/**
 * Why the platform must stop writing to the addresses of a notification, if it must: a mailbox
 * that does not exist, or a person who marked the programme's email as spam. SES itself asks
 * senders to stop, and keeps score of those who do not.
 */
export function suppressionReason(notification: EmailNotification): string | undefined {
  if (notification.kind === 'complained' || (notification.kind === 'bounced' && notification.permanent)) return notification.detail;
  return undefined;
}
