import { SESClient, SendEmailCommand } from '@aws-sdk/client-ses';
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
