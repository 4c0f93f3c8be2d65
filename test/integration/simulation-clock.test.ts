import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SESClient, SendEmailCommand } from '@aws-sdk/client-ses';
import { SimPlatform } from '../simulation/sim-platform';
import { Mailbox } from '../simulation/mailbox';

/*
 * The simulation moves the platform's clock by days in a moment; a real network never holds an email
 * that long. So an email on its way to the email service (a slow answer, or a sender killed mid-send
 * whose request the service still takes) must arrive before the clock moves, or the simulation would
 * date it days after the platform sent it: a reminder sent before its workshop would read as one sent
 * after it started.
 */
const DAY = 86_400_000;
/** Far longer than a move of the clock takes, so the email is surely still in flight when it is asked for. */
const IN_FLIGHT_MS = 3_000;
let platform: SimPlatform;

beforeAll(async () => {
  platform = await SimPlatform.start({ dynamoEndpoint: inject('dynamoEndpoint'), sesEndpoint: inject('sesEndpoint'), slowEmailMs: IN_FLIGHT_MS });
}, 120_000);
afterAll(async () => {
  await platform?.stop();
});

describe("the simulation's clock", () => {
  it('moves only once every email on its way to the email service has arrived', async () => {
    const mail = new Mailbox(platform, (to) => to === 'in-flight@sim.example.org');
    platform.proxy.setMode('slow');
    const ses = new SESClient({ endpoint: platform.proxy.endpoint, region: 'eu-west-2', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
    const sentAt = platform.now();
    // Not awaited: the email is in flight when the clock is moved.
    const sending = ses.send(
      new SendEmailCommand({
        Source: 'programme@sim.example.org',
        Destination: { ToAddresses: ['in-flight@sim.example.org'] },
        Message: { Subject: { Data: 'Reminder: workshop 4 is on Friday' }, Body: { Text: { Data: 'See you there.' } } },
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    await platform.advanceTo(sentAt + 3 * DAY, []);
    await sending;
    ses.destroy();
    await mail.refresh();
    const [email] = mail.to('in-flight@sim.example.org');
    expect(email, 'the email arrived').toBeDefined();
    // Dated when the email service took it, seconds after it was sent: not three days on.
    expect(email!.platformAt - sentAt).toBeLessThan(IN_FLIGHT_MS + 60_000);
    expect(platform.now()).toBeGreaterThanOrEqual(sentAt + 3 * DAY);
  }, 120_000);
});
