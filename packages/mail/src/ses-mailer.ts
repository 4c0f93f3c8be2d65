import { randomUUID } from 'node:crypto';
import { SESClient, SendEmailCommand, SendRawEmailCommand } from '@aws-sdk/client-ses';
import type { OutboundEmail } from '@pip/domain';

export interface SesConfig {
  /** Set locally to the aws-ses-v2-local address; unset in AWS. */
  endpoint?: string;
  region?: string;
  from: string;
}

export interface Mailer {
  send(email: OutboundEmail): Promise<void>;
}

export class SesMailer implements Mailer {
  private readonly client: SESClient;

  constructor(private readonly config: SesConfig) {
    this.client = new SESClient({
      ...(config.endpoint ? { endpoint: config.endpoint } : {}),
      ...(config.region ? { region: config.region } : {}),
    });
  }

  async send(email: OutboundEmail): Promise<void> {
    if (email.calendar) {
      await this.client.send(new SendRawEmailCommand({ Destinations: [email.to], RawMessage: { Data: new TextEncoder().encode(mimeMessage(this.config.from, email, email.calendar)) } }));
      return;
    }
    await this.client.send(
      new SendEmailCommand({
        Source: this.config.from,
        Destination: { ToAddresses: [email.to] },
        Message: {
          Subject: { Data: email.subject, Charset: 'UTF-8' },
          Body: { Text: { Data: email.text, Charset: 'UTF-8' }, Html: { Data: email.html, Charset: 'UTF-8' } },
        },
      }),
    );
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
