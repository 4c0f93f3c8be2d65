import type { Clock, Ports } from '@pip/domain';
import { SesMailer, type DeliveryOutbox, type OutboxDeliveryPorts } from '@pip/mail';
import { countingMailer, type PlatformMetrics } from '../adapters/platform-metrics';
import { log } from '../kit/log';
import { sesConfig, type Factories, type Instrument } from './environment';

/** The ports of sending email: what the outbox holds, one email as the table's stream stores it, or all due for the minute's delivery. */
export interface EmailSendingPorts {
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
  };
}
