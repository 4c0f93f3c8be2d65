import { randomUUID } from 'node:crypto';
import { SESClient, SendEmailCommand, SendRawEmailCommand } from '@aws-sdk/client-ses';
import type { OutboundEmail } from '@pip/domain';

export interface SesConfig {
  /** Set locally to the aws-ses-v2-local address; unset in AWS. */
  endpoint?: string;
  region?: string;
  from: string;
  /** The SES configuration set whose event destination reports deliveries, bounces and complaints. */
  configurationSet?: string;
  /** How long one call may wait for an answer; shorter in tests of an endpoint that never answers. */
  requestTimeoutMs?: number;
  /**
   * Handed each SES client as it is made, and returns the client to use: the functions trace it this
   * way (X-Ray, through Powertools' Tracer), so that mail need not know of tracing.
   */
  instrument?: <C extends object>(client: C) => C;
}

const CONNECTION_TIMEOUT_MS = 3_000;
const REQUEST_TIMEOUT_MS = 10_000;
const MAX_ATTEMPTS = 2;
/** The longest one send can take with the client's own retry: what an outbox claim must outlast. */
export const LONGEST_SEND_MS = MAX_ATTEMPTS * (CONNECTION_TIMEOUT_MS + REQUEST_TIMEOUT_MS) + 5_000;

/**
 * Whether a send failed for a reason that no retry can cure: the email service refused the message
 * itself (a client fault other than throttling), or the message could not even be encoded.
 */
export function isPermanentFailure(error: unknown): boolean {
  if (error instanceof URIError || error instanceof TypeError || error instanceof RangeError) return true;
  const fault = error as { $fault?: string; name?: string; $retryable?: unknown };
  if (fault.$fault !== 'client' || fault.$retryable) return false;
  return !/throttl|TooManyRequests|Timeout/iu.test(fault.name ?? '');
}

export interface Mailer {
  /** Resolves with the email service's id of the message, when it gives one. */
  send(email: OutboundEmail): Promise<string | void>;
}

export class SesMailer implements Mailer {
  private readonly client: SESClient;

  constructor(private readonly config: SesConfig) {
    const made = new SESClient({
      ...(config.endpoint ? { endpoint: config.endpoint } : {}),
      ...(config.region ? { region: config.region } : {}),
      // Without a timeout a hung endpoint would hold a request, and outlive the outbox's claim.
      maxAttempts: MAX_ATTEMPTS,
      requestHandler: { connectionTimeout: CONNECTION_TIMEOUT_MS, requestTimeout: config.requestTimeoutMs ?? REQUEST_TIMEOUT_MS, throwOnRequestTimeout: true },
    });
    this.client = config.instrument ? config.instrument(made) : made;
  }

  async send(email: OutboundEmail): Promise<string | undefined> {
    // The configuration set publishes what becomes of the email (delivered, bounced, complained) back to the platform.
    const tracking = this.config.configurationSet ? { ConfigurationSetName: this.config.configurationSet } : {};
    if (email.calendar) {
      const raw = new TextEncoder().encode(mimeMessage(this.config.from, email, email.calendar));
      return (await this.client.send(new SendRawEmailCommand({ Destinations: [email.to], RawMessage: { Data: raw }, ...tracking }))).MessageId;
    }
    const sent = await this.client.send(
      new SendEmailCommand({
        ...tracking,
        Source: this.config.from,
        Destination: { ToAddresses: [email.to] },
        Message: {
          Subject: { Data: email.subject, Charset: 'UTF-8' },
          Body: { Text: { Data: email.text, Charset: 'UTF-8' }, Html: { Data: email.html, Charset: 'UTF-8' } },
        },
      }),
    );
    return sent.MessageId;
  }
}

const base64Lines = (text: string) => Buffer.from(text, 'utf8').toString('base64').replace(/.{76}/gu, '$&\r\n');
const encodedWord = (text: string) => (/^[\x20-\x7e]*$/u.test(text) ? text : `=?UTF-8?B?${Buffer.from(text, 'utf8').toString('base64')}?=`);

/** Text and HTML as alternatives, with the calendar file attached: how mail clients expect an invitation. */
export function mimeMessage(from: string, email: OutboundEmail, calendar: NonNullable<OutboundEmail['calendar']>): string {
  const mixed = `mixed-${randomUUID()}`;
  const alternative = `alternative-${randomUUID()}`;
  return [
    `From: ${from}`,
    `To: ${email.to}`,
    `Subject: ${encodedWord(email.subject)}`,
    'MIME-Version: 1.0',
    `Content-Type: multipart/mixed; boundary="${mixed}"`,
    '',
    `--${mixed}`,
    `Content-Type: multipart/alternative; boundary="${alternative}"`,
    '',
    `--${alternative}`,
    'Content-Type: text/plain; charset=UTF-8',
    'Content-Transfer-Encoding: base64',
    '',
    base64Lines(email.text),
    `--${alternative}`,
    'Content-Type: text/html; charset=UTF-8',
    'Content-Transfer-Encoding: base64',
    '',
    base64Lines(email.html),
    `--${alternative}--`,
    `--${mixed}`,
    `Content-Type: text/calendar; charset=UTF-8; method=${calendar.method}; name="${calendar.filename}"`,
    `Content-Disposition: attachment; filename="${calendar.filename}"`,
    'Content-Transfer-Encoding: base64',
    '',
    base64Lines(calendar.ics),
    `--${mixed}--`,
    '',
  ].join('\r\n');
}
