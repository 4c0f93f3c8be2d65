import { GetAccountCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import type { SesConfig } from './ses-mailer';

/**
 * Asks the email service whether it answers. GetAccount is the cheapest call both SES and the local
 * endpoint know; the local endpoint answers it with 400 "Account not found", so any reply below 500
 * counts as answering, and only silence or a server error does not.
 */
export async function emailServiceAnswers(config: Omit<SesConfig, 'from'>): Promise<boolean> {
  const client = new SESv2Client({
    ...(config.endpoint ? { endpoint: config.endpoint } : {}),
    ...(config.region ? { region: config.region } : {}),
    maxAttempts: 1,
  });
  try {
    await client.send(new GetAccountCommand({}));
    return true;
  } catch (error) {
    const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
    return status !== undefined && status < 500;
  } finally {
    client.destroy();
  }
}
