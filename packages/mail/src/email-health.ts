import { GetAccountCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import type { SesConfig } from './ses-mailer';

/**
 * Asks the email service whether it answers. GetAccount is the cheapest call both SES and the local
 * endpoint know; the local endpoint answers it with 400 "Account not found", so a refusal of the
 * request counts as answering; silence, a server error, or a denial (the platform may not ask, so it
 * would not be allowed to send either) does not.
 */
export async function emailServiceAnswers(config: Omit<SesConfig, 'from'>): Promise<boolean> {
  const made = new SESv2Client({
    ...(config.endpoint ? { endpoint: config.endpoint } : {}),
    ...(config.region ? { region: config.region } : {}),
    maxAttempts: 1,
  });
  const client = config.instrument ? config.instrument(made) : made;
  try {
    await client.send(new GetAccountCommand({}));
    return true;
  } catch (error) {
    const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
    return status !== undefined && status < 500 && status !== 401 && status !== 403;
  } finally {
    client.destroy();
  }
}
