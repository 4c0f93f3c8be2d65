/**
 * Submitting an application, beside what the database alone takes: a bare PutItem, and a bare
 * TransactWriteItems of the same items the submission writes (`applicationWriteItems`: application,
 * the check of the area's window, email, link, timeline entry, the address's count), to the same
 * DynamoDB Local; then how long until the confirmation email is in the SES endpoint's store, sent from
 * the table's stream; and what each of those items costs in write units, table and index copies.
 * Prints; asserts nothing. Goals (issue 16): submit p50 at most 1.3x the bare transaction; the email within 2 s.
 */
import { randomUUID } from 'node:crypto';
import { GetCommand, PutCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { emailAllowance, type Application, type ApplicationEmail, type Area } from '@pip/domain';
import { applicantEmails } from '@pip/mail';
import { startPlatform } from '@pip/local';
import { applicationWriteItems, createDocumentClient, keys } from '@pip/storage';
import { goodAnswers } from '../support/application-answers';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 300);
const EMAILS = Number(process.env.BENCH_EMAILS ?? 30);

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function timed(samples: number[], action: () => Promise<unknown>): Promise<void> {
  const start = performance.now();
  await action();
  samples.push(performance.now() - start);
}

const ms = (value: number) => `${value.toFixed(2)} ms`;
const row = (name: string, samples: number[]) => `  ${name.padEnd(44)} p50 ${ms(percentile(samples, 50)).padStart(10)}   p99 ${ms(percentile(samples, 99)).padStart(10)}`;
const ratio = (name: string, a: number[], b: number[]) =>
  `  ${name.padEnd(44)} p50 ${(percentile(a, 50) / percentile(b, 50)).toFixed(2).padStart(9)}x   p99 ${(percentile(a, 99) / percentile(b, 99)).toFixed(2).padStart(9)}x`;

export async function submitLatency(): Promise<void> {
  process.env.LOG_LEVEL = 'WARN';
  const platform = await startPlatform({ port: 0 });
  const base = platform.url.replace('localhost', '127.0.0.1');
  const documents = createDocumentClient({ endpoint: platform.dynamoEndpoint, region: 'eu-west-2' });
  const table = platform.tableName;
  try {
    // The platform's own Leeds (open in its seeded data), so that the window check has an area to check.
    const area = (await documents.send(new GetCommand({ TableName: table, Key: keys.area('leeds') }))).Item as Area;
    const submit = async (address = `bench.${randomUUID()}@example.org`) => {
      const response = await fetch(`${base}/api/areas/leeds/applications`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(goodAnswers(address)) });
      if (response.status !== 201) throw new Error(`submission answered ${response.status}: ${await response.text()}`);
      return ((await response.json()) as { applicationId: string }).applicationId;
    };
    // The one read a submission makes before its transaction: the area, for its window and its name.
    const areaRead = () => documents.send(new GetCommand({ TableName: table, Key: keys.area('leeds') }));
    const put = () => documents.send(new PutCommand({ TableName: table, Item: { pk: `BENCH#${randomUUID()}`, sk: 'BENCH', payload: 'x'.repeat(1500) } }));
    /** The submission's own transaction, written straight to the table: the floor it cannot go under. */
    const transaction = () => documents.send(new TransactWriteCommand({ TransactItems: applicationItems(table, base, area) }));
    for (let i = 0; i < 20; i += 1) await Promise.all([submit(), put(), transaction()]); // warm every path
    const submits: number[] = [];
    const puts: number[] = [];
    const transactions: number[] = [];
    const reads: number[] = [];
    for (let i = 0; i < REQUESTS; i += 1) {
      await timed(submits, () => submit());
      await timed(reads, areaRead);
      await timed(puts, put);
      await timed(transactions, transaction);
    }

    // From sending the form to the email in the SES endpoint's store, one at a time.
    const arrivals: number[] = [];
    for (let i = 0; i < EMAILS; i += 1) {
      const address = `arrival.${randomUUID()}@example.org`;
      const start = performance.now();
      await submit(address);
      for (;;) {
        const { emails } = (await (await fetch(`${platform.sesEndpoint}/store`)).json()) as { emails: { destination: { to: string[] } }[] };
        if (emails.some((email) => email.destination.to.includes(address))) break;
        if (performance.now() - start > 30_000) throw new Error(`no email for ${address} within 30 s`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      arrivals.push(performance.now() - start);
    }

    console.log(`\nSubmitting an application: ${REQUESTS} sequential requests each (local platform, DynamoDB Local, SES endpoint)`);
    console.log(row('Submit application (POST /api/...)', submits));
    console.log(row('Bare PutItem', puts));
    console.log(row(`Bare TransactWriteItems of the same ${applicationItems(table, base, area).length} items`, transactions));
    console.log(row('Bare GetItem of the area', reads));
    console.log(ratio('Ratio submit / bare transaction (goal 1.3x)', submits, transactions));
    console.log(ratio('Ratio submit / bare PutItem', submits, puts));
    console.log(row(`Email in the SES store after sending (${EMAILS}; goal 2 s)`, arrivals));
    console.log('  (a submission writes one transaction, the area as its container read it within the minute checked in it; its email goes from the table stream)');
    await printWriteUnits(documents, table, base, area);
  } finally {
    documents.destroy();
    await platform.stop();
  }
}

/** The items a new application is written with, as the application store builds them, for a fresh address. */
function applicationItems(table: string, base: string, area: Area) {
  const now = new Date();
  const at = now.toISOString();
  const answers = goodAnswers(`bare.${randomUUID()}@example.org`) as Application['answers'];
  const application: Application = { applicationId: `PIP-${randomUUID().slice(0, 8).toUpperCase()}`, areaId: area.areaId, answers, submittedAt: at, updatedAt: at, version: 1 };
  const token = randomUUID();
  const link = { token, link: { purpose: 'application' as const, areaId: area.areaId, applicationId: application.applicationId, expiresAt: area.recruitment.closesAt } };
  // A link as long as a real one (32 random bytes, base64url), so the email is as large as a real one.
  const email = applicantEmails.applicationReceived(area, application, { url: `${base}/application/${'x'.repeat(43)}`, expiresAt: link.link.expiresAt });
  const audit = { areaId: area.areaId, entryId: randomUUID(), at, actor: { name: 'Applicant (form)' }, action: 'Application received', summary: 'A local authority application.', kind: 'form' as const, subjects: [application.applicationId] };
  const write: ApplicationEmail = { email: { ...email, messageId: `bench-${randomUUID()}` }, link, allowance: emailAllowance(answers.email, now), audit, acceptedUnder: area };
  // Not `deliverOnInsert`: the bare transaction sends no email.
  return applicationWriteItems(table, application, write, 'attribute_not_exists(pk)', {}, { deliverOnInsert: false });
}

/**
 * What one application costs in write units, item by item, as AWS bills a transaction: each item
 * rounded up to the KB, 2 units per KB, the ConditionCheck included, and each index holding the item
 * writing its copy again. Each item is written alone in a transaction, since DynamoDB Local's figure for
 * a whole transaction sums the items' sizes before rounding and leaves the check out, so it reads lower.
 */
async function printWriteUnits(documents: DynamoDBDocumentClient, table: string, base: string, area: Area): Promise<void> {
  const items = applicationItems(table, base, area);
  const names = ['application (gsi1: by reference)', "area's window, checked", 'email (gsi1 pending, gsi2 person; gsi3 once sent)', 'link (gsi2 person, gsi3 retention)', 'timeline entry (gsi1: by kind)', "the address's count today"];
  console.log('\n  Write units of one application, by item as AWS bills them (each item alone, ReturnConsumedCapacity INDEXES; 2 per KB in a transaction):');
  let total = 0;
  for (const [index, item] of items.entries()) {
    const body = item.Put?.Item;
    const bytes = body ? Buffer.byteLength(JSON.stringify(body)) : 0;
    const { ConsumedCapacity } = await documents.send(new TransactWriteCommand({ TransactItems: [item], ReturnConsumedCapacity: 'INDEXES' }));
    const used = ConsumedCapacity?.[0];
    const copies = Object.entries(used?.GlobalSecondaryIndexes ?? {}).map(([name, capacity]) => `${name} ${capacity.CapacityUnits}`).join(', ');
    total += used?.CapacityUnits ?? 0;
    console.log(`    ${(names[index] ?? Object.keys(item)[0]!).padEnd(52)} ${String(used?.CapacityUnits ?? 0).padStart(4)} WCU   table ${used?.Table?.CapacityUnits ?? 0}${copies ? `, ${copies}` : ''}${bytes ? `   (~${bytes} bytes as JSON)` : ''}`);
  }
  console.log(`    ${'in all'.padEnd(52)} ${String(total).padStart(4)} WCU`);
}
