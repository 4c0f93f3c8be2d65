import type { Clock, EmailDelivery, Ports } from '@pip/domain';
import { SesMailer, deliverEmail, type DeliveryOutbox, type OutboxDeliveryPorts } from '@pip/mail';
import { countingMailer, type PlatformMetrics } from '../adapters/platform-metrics';
import { describeError, log } from '../kit/log';
import { sesConfig, type Factories, type Instrument } from './environment';

/** The ports of sending email: now, from a request, and in bulk from the outbox for the scheduled delivery. */
export interface EmailSendingPorts {
  delivery: EmailDelivery;
  /** Sending what the outbox holds, for the scheduled delivery. */
  outboxDelivery: OutboxDeliveryPorts;
}

/** What sending takes from the rest of the platform, read when the mailer is first made. */
export interface SendingNeeds extends Pick<Ports, 'unreachable' | 'audit'> {
  outbox: DeliveryOutbox;
  clock: Clock;
  metrics: PlatformMetrics;
  /** The same ports object, so that delivery uses the outbox delivery made once. */
  outboxDelivery: OutboxDeliveryPorts;
}

/** The SES mailer behind the outbox: an email claimed, sent, and marked sent or released with its error. */
export function emailSending(instrument: Instrument | undefined, needs: () => SendingNeeds): Factories<EmailSendingPorts> {
  return {
    outboxDelivery: () => ({
      outbox: needs().outbox,
      unreachable: needs().unreachable,
      // What becomes of each area's email is appended to the area's timeline.
      timeline: needs().audit,
      // Each email the email service took, or refused, is counted.
      mailer: countingMailer(new SesMailer(sesConfig(instrument)), needs().metrics),
      clock: needs().clock,
      log: (message, detail) => log('WARN', message, detail),
    }),
    delivery: (): EmailDelivery => ({
      // If the email service is down the email stays in the outbox and the scheduled delivery sends it later.
      sendNow: async (messageId) => {
        try {
          await deliverEmail(needs().outboxDelivery, messageId);
        } catch (error) {
          log('WARN', 'email left in the outbox for scheduled delivery', { messageId, ...describeError(error) });
        }
      },
    }),
  };
}

/**
 * A function the route table does not let send email still queues its emails in the outbox (a table
 * write): they wait there for the scheduled delivery, which may send.
 */
export const leftForScheduledDelivery: EmailDelivery = { sendNow: async () => undefined };
