import { resolve } from 'node:path';
import { DEMO_SELECTION_AREA } from './demo-applicants';
import { startPlatform } from './platform';

/**
 * `pnpm start`: the platform on this machine. Data persists under .data/ unless PIP_IN_MEMORY=1 or
 * --in-memory is given. Ctrl-C stops everything it started, Java included.
 */
const inMemory = process.argv.includes('--in-memory') || process.env.PIP_IN_MEMORY === '1';
// The functions' logs in this terminal as one JSON line per event, as CloudWatch shows them (Powertools' dev mode would spread each over many).
process.env.POWERTOOLS_DEV ??= 'false';
const port = Number(process.env.PORT ?? 3000);

const platform = await startPlatform({
  port,
  dynamoPort: Number(process.env.DYNAMODB_PORT ?? 8000),
  sesPort: Number(process.env.SES_PORT ?? 8005),
  dataDir: inMemory ? undefined : resolve(import.meta.dirname, '../../../.data/dynamodb'),
  schedules: true,
  workflow: true,
  demoApplicants: true,
}).catch((error: unknown) => {
  console.error(`The local platform could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

const inboxUrl = platform.inboxUrl.replace('127.0.0.1', 'localhost');
console.log(`
Partnership Improvement Programme: local platform running${inMemory ? ' (in memory: data goes when it stops)' : ' (data kept in .data/)'}, ready ${process.uptime().toFixed(1)} s after starting

  Apply for an area        ${platform.url}/apply
  Application API          ${platform.url}/api/openapi.json
  Staff console            ${platform.url}/staff
  Staff sign-in (local)    ${platform.url}/local/staff-sign-in   (pick a demo staff member)
  Try a selection          ${platform.url}/staff/areas/${DEMO_SELECTION_AREA}/selection   (sixteen reviewed demo applicants)
  Platform clock           ${platform.url}/local/clock   (move time forward so workflow waits end)
${platform.demoPartnerLinks.map(({ organisation, url }) => `  ${`Nominate as ${organisation}`.padEnd(24)} ${url}`).join('\n')}
  Email inbox              ${inboxUrl}
  Health                   ${platform.url}/health
  DynamoDB Local           ${platform.dynamoEndpoint} (table ${platform.tableName})

Press Ctrl-C to stop.`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping…');
    void platform.stop().then(() => process.exit(0));
  });
}
