/**
 * Round trips per request: one area carried through every stage on the local platform (with its
 * workflow), every page and API route of the route table driven on the way, and the DynamoDB calls
 * each request made printed beside the goal. Prints; asserts nothing.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { DAY } from '@pip/domain';
import { routeKey, routes, type Route } from '@pip/functions/routes';
import { loadHandler, localReferenceGroup, localStaff, startPlatform, type RunningPlatform } from '@pip/local';
import { DynamoAreaProgressStore, DynamoAreaStore, createDocumentClient, lists } from '@pip/storage';
import { localWorkflowCounts } from '../../infra/local/src/local-area-workflow';
import { goodAnswers, goodForm } from '../support/application-answers';
import { countAsLocalOnly, countDynamoCalls, countInto, emptyTally, localOnly, requestTallies, unattributed, type CallTally } from './dynamo-calls';

const AREA = 'bench-area';
const AREA_NAME = 'Bench Area';
const REGION = 'london';
/** Applications sent through the JSON API, six of each sector: the group of six plus six. */
const API_APPLICANTS = 12;

export interface RouteMeasure {
  route: Route;
  /** One tally per request made to the route, in order. */
  requests: (CallTally & { status: number })[];
}

export interface RoundTripRun {
  measures: Map<string, RouteMeasure>;
  /** The area workflow's own task functions, apart from the runner's bookkeeping. */
  workflow: CallTally;
  /** The scheduled email delivery, run as the minute timer would. */
  delivery: CallTally;
  /** Work of the local platform's own that no request or workflow step caused: records acted on from the table's stream (email delivery). */
  background: CallTally;
  transitions: number;
  workflowTasks: number;
  workflowTaskMs: number;
  emailsSent: number;
  applicationsByApi: number;
  /** The stage the area reached: `complete` when the whole lifecycle ran. */
  finalStage?: string;
}

interface ReceivedEmail {
  destination: { to: string[] };
  subject: string;
  body: { text?: string };
}

const byPath = new Map<string, Route>(routes.map((route) => [routeKey(route), route]));

/**
 * Loads every store's module before any request: a read that waited on its module's first load would
 * otherwise seem to wait on the reads that answered meanwhile, and count as a round trip of its own.
 * Loading is a cold start's cost, measured by the bundles section, not a round trip to the table.
 */
async function loadStoreModules(): Promise<void> {
  // The index of `@pip/storage` imports every store's file: the modules `functions/src/composition/table-stores.ts` loads with `import()`.
  await import('@pip/storage');
}

export async function measureRoundTrips(): Promise<RoundTripRun> {
  countDynamoCalls();
  await loadStoreModules();
  process.env.LOG_LEVEL = 'WARN';
  const workflowTally = emptyTally();
  const delivery = emptyTally();
  const background = emptyTally();
  const measures = new Map<string, RouteMeasure>();
  // The runner's records of where each execution stands, and its timer's list of areas, stand in for Step Functions' own state.
  countAsLocalOnly((input, tally) => {
    const key = (input.Key ?? input.Item) as { sk?: unknown } | undefined;
    if (typeof key?.sk === 'string' && key.sk.startsWith('LOCAL-EXECUTION')) return true;
    const values = input.ExpressionAttributeValues as Record<string, unknown> | undefined;
    return tally === background && input.IndexName === 'gsi1' && values?.[':list'] === lists.areas;
  });
  localWorkflowCounts.aroundTask = (run) => countInto(workflowTally, run);
  const platform: RunningPlatform = await countInto(background, () => startPlatform({ port: 0, workflow: true }));
  Object.assign(background, emptyTally());
  const before = { ...localWorkflowCounts };
  const base = platform.url.replace('localhost', '127.0.0.1');
  const workflow = platform.workflow!;
  const now = () => Date.now() + workflow.clockOffset();
  const csrf = randomBytes(16).toString('base64url');
  const staffToken = platform.staffIdentity.issueIdToken(localStaff[0]!);
  const staffCookie = `pip_staff=${staffToken}; pip_csrf=${csrf}`;
  const referenceCookie = `pip_staff=${platform.staffIdentity.issueIdToken(localReferenceGroup[0]!, ['reference-group'])}; pip_csrf=${csrf}`;

  /** One request, counted against its route; the page's text for the next step. */
  async function request(method: 'GET' | 'POST', template: string, path: string, options: { form?: Record<string, string | string[]>; json?: unknown; who?: 'staff' | 'reference' | 'anyone' } = {}): Promise<string> {
    const route = byPath.get(`${method} ${template}`);
    if (!route) throw new Error(`No route ${method} ${template}`);
    const id = randomUUID();
    const tally = emptyTally();
    requestTallies.set(id, tally);
    const who = options.who ?? (route.public ? 'anyone' : route.for === 'reference-group' ? 'reference' : 'staff');
    const headers: Record<string, string> = { 'x-bench-tally': id };
    if (who === 'staff' && template.startsWith('/api/')) headers.authorization = `Bearer ${staffToken}`;
    else if (who === 'staff') headers.cookie = staffCookie;
    if (who === 'reference') headers.cookie = referenceCookie;
    let body: string | undefined;
    if (options.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.json);
    } else if (method === 'POST') {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      const form = new URLSearchParams();
      for (const [name, value] of Object.entries(options.form ?? {})) for (const v of [value].flat()) form.append(name, v);
      if (who !== 'anyone') form.set('csrfToken', csrf);
      body = form.toString();
    }
    const started = performance.now();
    const response = await fetch(`${base}${path}`, { method, headers, body, redirect: 'manual' });
    const text = await response.text();
    if (process.env.BENCH_DEBUG && response.status >= 400) {
      const summary = /<ul class="govuk-list govuk-error-summary__list">([\s\S]*?)<\/ul>/u.exec(text)?.[1] ?? /<p class="govuk-body">([\s\S]*?)<\/p>/u.exec(text)?.[1] ?? text.slice(0, 300);
      console.log(`${method} ${path} ${response.status}: ${summary.replace(/<[^>]+>/gu, ' ').replace(/\s+/gu, ' ').trim()}`);
    }
    tally.ms = performance.now() - started;
    tally.runs = 1;
    requestTallies.delete(id);
    const measure = measures.get(routeKey(route)) ?? { route, requests: [] };
    measure.requests.push({ ...tally, status: response.status });
    measures.set(routeKey(route), measure);
    await workflow.idle(AREA);
    return text;
  }
  const get = (template: string, path = template, who?: 'staff' | 'reference' | 'anyone') => request('GET', template, path, { who });
  const post = (template: string, path: string, form: Record<string, string | string[]> = {}) => request('POST', template, path, { form });

  const emails = async (address: string): Promise<ReceivedEmail[]> => {
    const store = (await (await fetch(`${platform.sesEndpoint}/store`)).json()) as { emails: ReceivedEmail[] };
    return store.emails.filter((email) => email.destination.to.some((to) => to.toLowerCase() === address.toLowerCase()));
  };
  /** The path of a link in an email to the address, waiting a little for email sent after the request. */
  async function linkTo(address: string, pattern: RegExp): Promise<string | undefined> {
    for (let tries = 0; tries < 50; tries += 1) {
      for (const email of (await emails(address)).reverse()) {
        const found = pattern.exec(email.body.text ?? '');
        if (found) return found[0];
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return undefined;
  }
  const deliverEmails = async () => {
    const deliver = await loadHandler<() => Promise<unknown>>('deliver-emails');
    const started = performance.now();
    await countInto(delivery, deliver);
    delivery.ms += performance.now() - started;
    delivery.runs += 1;
  };
  const advance = async (milliseconds: number) => {
    await countInto(localOnly, () => workflow.advanceClock(milliseconds));
    await workflow.idle(AREA);
  };
  const ukDate = (instant: number) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(instant));

  try {
    // Recruitment: an area open now, its workflow started as the five-minute schedule would.
    const documents = createDocumentClient({ endpoint: platform.dynamoEndpoint, region: 'eu-west-2' });
    await new DynamoAreaStore(documents, platform.tableName).add(
      { areaId: AREA, name: AREA_NAME, regionId: REGION, recruitment: { opensAt: new Date(now() - DAY).toISOString(), closesAt: new Date(now() + DAY).toISOString() } },
      { areaId: AREA, entryId: randomUUID(), at: new Date(now()).toISOString(), actor: { name: 'Bench set-up' }, action: 'Area added', summary: `${AREA_NAME} added.` },
    );
    documents.destroy();
    await workflow.start(AREA);
    await workflow.idle(AREA);

    for (const path of ['/', '/apply', '/privacy', '/health', '/api/openapi.json', '/staff/sign-in']) await get(path);
    await get('/staff/auth/callback', '/staff/auth/callback?code=not-a-code&state=not-a-state');
    await get('/apply/{areaId}', `/apply/${AREA}`);

    const people: { applicationId: string; email: string }[] = [];
    for (let i = 0; i < API_APPLICANTS; i += 1) {
      const email = `bench.${i}.${randomUUID().slice(0, 6)}@example.org`;
      const sector = i % 2 === 0 ? 'local-authority' : 'voluntary-community';
      const answers = goodAnswers(email, {
        fullName: `Participant ${i}`,
        organisation: `Organisation ${i}`,
        sector,
        ...(sector === 'voluntary-community' ? { organisationKind: 'infrastructure-body', roleLevel: 'chief-executive-or-chief-officer' } : {}),
      });
      const answer = await request('POST', '/api/areas/{areaId}/applications', `/api/areas/${AREA}/applications`, { json: answers });
      people.push({ applicationId: (JSON.parse(answer) as { applicationId: string }).applicationId, email });
    }
    // The form: the answers to check, then sent; and answers saved to come back to.
    const formEmail = `bench.form.${randomUUID().slice(0, 6)}@example.org`;
    const formAnswers = Object.fromEntries(goodForm(formEmail, { fullName: 'Form Applicant' }));
    await post('/apply/{areaId}', `/apply/${AREA}`, formAnswers);
    await post('/apply/{areaId}/send', `/apply/${AREA}/send`, formAnswers);
    const saverEmail = `bench.saver.${randomUUID().slice(0, 6)}@example.org`;
    await post('/apply/{areaId}', `/apply/${AREA}`, { fullName: 'Bea Saver', email: saverEmail, organisation: 'Wigan Council', page: 'your-role', action: 'save', saveRequest: randomUUID().replaceAll('-', '') });
    const saved = await linkTo(saverEmail, /\/apply\/[\w-]+\/saved\/[\w-]{43}/u);
    if (saved) await get('/apply/{areaId}/saved/{token}', saved);
    const own = await linkTo(people[0]!.email, /\/application\/[\w-]{43}(?:\.[\w-]+){0,2}/u);
    if (own) {
      await get('/application/{token}', own);
      await get('/application/{token}/change', `${own}/change`);
      const changed = Object.fromEntries(goodForm(people[0]!.email, { fullName: 'Participant 0', organisation: 'Organisation 0', jobTitle: 'Director of Partnerships' }));
      await post('/application/{token}/change', `${own}/change`, changed);
      await post('/application/{token}/send', `${own}/send`, changed);
    }
    // A partner's nomination link, and a nomination through it.
    const partnerContact = `bench.partner.${randomUUID().slice(0, 6)}@example.org`;
    await get('/staff/partners');
    await post('/staff/partners', '/staff/partners', { kind: 'nacvs', contactName: 'Nia Jones', contactEmail: partnerContact });
    const nominate = await linkTo(partnerContact, /\/nominate\/[\w-]{43}(?:\.[a-z0-9-]+)?/u);
    if (nominate) {
      await get('/nominate/{token}', nominate);
      await post('/nominate/{token}', nominate, {
        areaId: AREA,
        candidateName: 'Cara Candidate',
        candidateEmail: `bench.candidate.${randomUUID().slice(0, 6)}@example.org`,
        candidateOrganisation: 'Rural Action',
        candidateJobTitle: 'Chief Officer',
        reason: 'She brought the rural network and the county council together on transport.',
      });
    }
    const partnerId = /\/staff\/partners\/([\w-]+)\/revoke/u.exec(await get('/staff/partners'))?.[1];
    if (partnerId) await post('/staff/partners/{partnerId}/revoke', `/staff/partners/${partnerId}/revoke`);

    // The staff console while applications come in.
    const application = (person: { applicationId: string }) => `/staff/areas/${AREA}/applications/${person.applicationId}`;
    await get('/staff');
    await get('/staff/new-area');
    await post('/staff/new-area', '/staff/new-area', { name: 'Bench Elsewhere', regionId: 'west-midlands', 'opens-date': ukDate(now() + 10 * DAY), 'opens-time': '09:00', 'closes-date': ukDate(now() + 40 * DAY), 'closes-time': '17:00' });
    await get('/staff/profile');
    await post('/staff/profile', '/staff/profile', { organisation: 'The programme team', note: '', version: '0' });
    await get('/staff/areas/{areaId}', `/staff/areas/${AREA}`);
    await get('/staff/areas/{areaId}/applications.csv', `/staff/areas/${AREA}/applications.csv`);
    await get('/staff/areas/{areaId}/applications/{applicationId}', application(people[1]!));
    await get('/api/staff/areas/{areaId}/applications', `/api/staff/areas/${AREA}/applications`);
    await get('/staff/areas/{areaId}/window', `/staff/areas/${AREA}/window`);
    await post('/staff/areas/{areaId}/applications/{applicationId}/conflicts', `${application(people[11]!)}/conflicts`, { reason: 'A former colleague' });
    const corrected = `bench.corrected.${randomUUID().slice(0, 6)}@example.org`;
    // As the page posts it: with the address it shows (and the email that failed there, had one).
    await post('/staff/areas/{areaId}/applications/{applicationId}/email', `${application(people[10]!)}/email`, { email: corrected, previous: people[10]!.email });
    people[10]!.email = corrected;
    for (const person of people) {
      await post('/staff/areas/{areaId}/applications/{applicationId}/reviews', `${application(person)}/reviews`, { roleFit: '4', partnershipExperience: '4', commitment: '4' });
    }

    // Selection: recruitment closes, the workflow proposes, staff approve.
    await advance(2 * DAY);
    await get('/staff/areas/{areaId}/selection', `/staff/areas/${AREA}/selection`);
    const selectionJson = await get('/api/staff/areas/{areaId}/selection', `/api/staff/areas/${AREA}/selection`);
    const view = JSON.parse(selectionJson) as { selection: { selected: Record<string, string[]>; version: number } };
    const selected = view.selection.selected;
    const leads = { 'local-authority': selected['local-authority']![0]!, 'voluntary-community': selected['voluntary-community']![0]! };
    const approval = {
      version: String(view.selection.version),
      action: 'approve',
      'selected-local-authority': selected['local-authority']!,
      'selected-voluntary-community': selected['voluntary-community']!,
      'lead-local-authority': leads['local-authority'],
      'lead-voluntary-community': leads['voluntary-community'],
    };
    await post('/staff/areas/{areaId}/selection', `/staff/areas/${AREA}/selection`, approval);
    await post('/staff/areas/{areaId}/selection', `/staff/areas/${AREA}/selection`, { ...approval, confirmed: 'yes' });
    const participant = people.find((person) => person.applicationId === selected['local-authority']![1])!;
    const participation = await linkTo(participant.email, /\/participation\/[\w.-]+/u);
    if (participation) await get('/participation/{token}', participation);

    // Preparation and delivery: the visit, four workshops, attendance, a withdrawal.
    await get('/staff/areas/{areaId}/programme', `/staff/areas/${AREA}/programme`);
    await post('/staff/areas/{areaId}/programme/visit', `/staff/areas/${AREA}/programme/visit`, { visitedOn: ukDate(now()) });
    const from = now();
    const schedule: Record<string, string> = { sequence: '-1', intervalOverride: 'Bench dates: the weekday the bench runs' };
    for (const n of [1, 2, 3, 4]) {
      Object.assign(schedule, {
        [`workshop-${n}-date`]: ukDate(from + (14 + (n - 1) * 35) * DAY),
        [`workshop-${n}-time`]: '09:30',
        [`workshop-${n}-minutes`]: '210',
        [`workshop-${n}-venue`]: n % 2 ? 'Civic Centre' : 'Voluntary Action Centre',
        [`workshop-${n}-host`]: n % 2 ? 'council' : 'voluntary-sector',
        [`workshop-${n}-facilitators`]: 'Alex Facilitator',
        [`workshop-${n}-facilitator-2`]: 'Bea Facilitator',
      });
    }
    await post('/staff/areas/{areaId}/programme/workshops/plan', `/staff/areas/${AREA}/programme/workshops/plan`, {
      'plan-date': ukDate(from + 14 * DAY),
      'plan-weeks': '5',
      'plan-time': '09:30',
      'plan-council-venue': 'Civic Centre',
      'plan-voluntary-venue': 'Voluntary Action Centre',
      'plan-facilitators': 'Alex Facilitator',
      'plan-facilitator-2': 'Bea Facilitator',
    });
    await post('/staff/areas/{areaId}/programme/workshops', `/staff/areas/${AREA}/programme/workshops`, schedule);
    await deliverEmails();
    await advance(from + 8 * DAY - now());
    await deliverEmails();
    await post('/staff/areas/{areaId}/programme/workshops/shift', `/staff/areas/${AREA}/programme/workshops/shift`, { ...schedule, sequence: '0', 'workshop-2-date': ukDate(from + 56 * DAY) });
    await advance(from + 15 * DAY - now());
    await post('/staff/areas/{areaId}/programme/attendance', `/staff/areas/${AREA}/programme/attendance`, { workshop: '1', present: [...selected['local-authority']!, ...selected['voluntary-community']!] });
    const withdrawing = selected['voluntary-community']!.at(-1)!;
    await post('/staff/areas/{areaId}/selection/withdrawals', `/staff/areas/${AREA}/selection/withdrawals`, { applicationId: withdrawing });
    await post('/staff/areas/{areaId}/selection/withdrawals/undo', `/staff/areas/${AREA}/selection/withdrawals/undo`, { applicationId: withdrawing });
    await post('/staff/areas/{areaId}/selection/leads', `/staff/areas/${AREA}/selection/leads`, { sector: 'local-authority', lead: selected['local-authority']![1]! });
    await get('/staff/areas/{areaId}/timeline', `/staff/areas/${AREA}/timeline`);
    await get('/staff/areas/{areaId}/timeline.csv', `/staff/areas/${AREA}/timeline.csv`);
    await get('/staff/areas/{areaId}/audit', `/staff/areas/${AREA}/audit`);
    await get('/staff/areas/{areaId}/roster', `/staff/areas/${AREA}/roster`);
    await get('/staff/areas/{areaId}/roster.csv', `/staff/areas/${AREA}/roster.csv`);
    await get('/staff/people', '/staff/people?q=participant');
    await get('/staff/people/record', `/staff/people/record?email=${encodeURIComponent(participant.email)}`);
    await get('/staff/people/record.json', `/staff/people/record.json?email=${encodeURIComponent(participant.email)}`);
    await post('/staff/people/erase', '/staff/people/erase', { email: participant.email });

    // The action plan, then progress reviews with consultancy sessions.
    await advance(130 * DAY);
    await deliverEmails();
    await post('/staff/areas/{areaId}/programme/steps', `/staff/areas/${AREA}/programme/steps`, { step: 'action-plan', objectives: '1. A joint commissioning framework\n2. A shared volunteering strategy' });
    const lead = people.find((person) => person.applicationId === leads['voluntary-community'])!;
    await post('/staff/areas/{areaId}/consultancy/slots', `/staff/areas/${AREA}/consultancy/slots`, {
      facilitator: 'Fay Facilitator',
      facilitatorEmail: 'fay.bench@example.org',
      date: ukDate(now() + 10 * DAY),
      start: '10:00',
      end: '12:00',
      mode: 'in-person',
      where: 'Civic Centre',
    });
    await post('/staff/areas/{areaId}/consultancy/slots', `/staff/areas/${AREA}/consultancy/slots`, {
      facilitator: 'Fay Facilitator',
      facilitatorEmail: 'fay.bench@example.org',
      date: ukDate(now() + 12 * DAY),
      start: '10:00',
      end: '12:00',
      mode: 'online',
      where: 'https://meet.example/fay',
    });
    const consultancyPage = await get('/staff/areas/{areaId}/consultancy', `/staff/areas/${AREA}/consultancy`);
    const slotIds = [...consultancyPage.matchAll(/consultancy\/slots\/([\w-]+)"/gu)].map((match) => match[1]!);
    const spareSlot = slotIds.at(-1);
    if (spareSlot) {
      await get('/staff/areas/{areaId}/consultancy/slots/{slotId}', `/staff/areas/${AREA}/consultancy/slots/${spareSlot}`);
      await post('/staff/areas/{areaId}/consultancy/slots/{slotId}', `/staff/areas/${AREA}/consultancy/slots/${spareSlot}`, { version: '0', date: ukDate(now() + 12 * DAY), start: '11:00', end: '13:00', facilitator: 'Fay Facilitator', confirmed: 'yes' });
    }
    const consultancy = await linkTo(lead.email, /\/consultancy\/[\w-]{43}(?:\.[\w-]+){0,2}/u);
    if (consultancy) {
      const page = await get('/consultancy/{token}', consultancy);
      const slotId = /name="slotId" type="radio" value="([^"]+)"/u.exec(page)?.[1];
      if (slotId) await post('/consultancy/{token}', consultancy, { action: 'book', slotId, sequence: '-1', [`seen-${slotId}`]: '0' });
    }
    await post('/staff/areas/{areaId}/consultancy/reminders', `/staff/areas/${AREA}/consultancy/reminders`, { session: '1' });
    if (spareSlot) await post('/staff/areas/{areaId}/consultancy/slots/{slotId}/remove', `/staff/areas/${AREA}/consultancy/slots/${spareSlot}/remove`, {});
    const freeSlot = [...(await get('/staff/areas/{areaId}/consultancy', `/staff/areas/${AREA}/consultancy`)).matchAll(/consultancy\/slots\/([\w-]+)"/gu)].map((match) => match[1]!).find((slotId) => slotId !== spareSlot);
    if (freeSlot) await post('/staff/areas/{areaId}/consultancy/bookings', `/staff/areas/${AREA}/consultancy/bookings`, { session: '2', slotId: freeSlot });
    await post('/staff/areas/{areaId}/consultancy/cancel', `/staff/areas/${AREA}/consultancy/cancel`, { session: '1', sequence: '0' });
    await advance(11 * DAY);
    await post('/staff/areas/{areaId}/consultancy/held', `/staff/areas/${AREA}/consultancy/held`, { session: '1', notes: 'Good progress' });
    await post('/staff/areas/{areaId}/progress-reviews', `/staff/areas/${AREA}/progress-reviews`, {
      occasion: 'session-1',
      'status-objective-1': 'under-way',
      'note-objective-1': 'Draft framework with the compact group',
      'status-objective-2': 'not-started',
    });
    await get('/staff/areas/{areaId}/progress-reviews', `/staff/areas/${AREA}/progress-reviews`);
    await post('/staff/areas/{areaId}/progress-reviews/sharing', `/staff/areas/${AREA}/progress-reviews/sharing`, { version: '0', 'share-objective-1': 'yes', 'themes-objective-1': 'funding' });
    await post('/staff/areas/{areaId}/consultancy/follow-up', `/staff/areas/${AREA}/consultancy/follow-up`, {
      'follow-up-1-date': ukDate(now() + 20 * DAY),
      'follow-up-1-start': '10:00',
      'follow-up-1-end': '12:30',
      'follow-up-2-date': ukDate(now() + 27 * DAY),
      'follow-up-2-start': '10:00',
      'follow-up-2-end': '12:30',
      'follow-up-venue': 'Town Hall',
    });
    await post('/staff/areas/{areaId}/consultancy/follow-up/reminders', `/staff/areas/${AREA}/consultancy/follow-up/reminders`, {});
    const followUp = await linkTo(lead.email, /\/follow-up\/[\w-]{43}(?:\.[\w-]+){0,2}/u);
    if (followUp) {
      const page = await get('/follow-up/{token}', followUp);
      const options = [...page.matchAll(/name="available" type="checkbox" value="([^"]+)"/gu)].map((match) => match[1]!);
      await post('/follow-up/{token}', followUp, { available: options });
    }
    const question = await post('/staff/areas/{areaId}/consultancy/follow-up/confirm', `/staff/areas/${AREA}/consultancy/follow-up/confirm`, {});
    const optionId = /name="optionId" value="([^"]+)"/u.exec(question)?.[1];
    if (optionId) await post('/staff/areas/{areaId}/consultancy/follow-up/confirm', `/staff/areas/${AREA}/consultancy/follow-up/confirm`, { optionId, confirmed: 'yes' });
    await post('/staff/areas/{areaId}/programme/steps', `/staff/areas/${AREA}/programme/steps`, { step: 'progress-reviews' });

    // Evaluation, reports, and the area complete; the region's learning event.
    const evaluation = await linkTo(lead.email, /\/evaluation\/[\w-]{43}(?:\.[\w-]+){0,2}/u);
    if (evaluation) {
      await get('/evaluation/{token}', evaluation);
      await post('/evaluation/{token}', evaluation, { materials: 'good', content: 'excellent', facilitation: 'good', knowledgeIncreased: 'yes', abilityIncreased: 'yes', metExpectations: 'yes', comments: 'A useful programme.' });
    }
    const report = await get('/staff/areas/{areaId}/report', `/staff/areas/${AREA}/report`);
    const comment = /name="applicationId" value="([^"]+)"[\s\S]*?name="version" value="(\d+)"/u.exec(report);
    if (comment) await post('/staff/areas/{areaId}/report/comments', `/staff/areas/${AREA}/report/comments`, { applicationId: comment[1]!, version: comment[2]!, publishable: 'yes' });
    await post('/staff/areas/{areaId}/report/reminders', `/staff/areas/${AREA}/report/reminders`, {});
    await get('/staff/areas/{areaId}/report.csv', `/staff/areas/${AREA}/report.csv`);
    await post('/staff/areas/{areaId}/programme/steps', `/staff/areas/${AREA}/programme/steps`, { step: 'evaluation' });
    await get('/staff/regions/{regionId}/learning-event', `/staff/regions/${REGION}/learning-event`);
    await post('/staff/regions/{regionId}/learning-event', `/staff/regions/${REGION}/learning-event`, { date: ukDate(now() + 30 * DAY), time: '10:00', minutes: '240', venue: 'City Hall' });
    for (const path of ['/staff/reports', '/staff/reports.csv', '/staff/library', '/staff/library.csv']) await get(path);
    await get('/staff/regions/{regionId}/report', `/staff/regions/${REGION}/report`);
    await get('/staff/regions/{regionId}/report.csv', `/staff/regions/${REGION}/report.csv`);
    for (const path of ['/reference', '/reference/reports', '/reference/reports.csv', '/reference/library', '/reference/library.csv']) await get(path);
    await get('/reference/regions/{regionId}/report', `/reference/regions/${REGION}/report`);
    await get('/reference/regions/{regionId}/report.csv', `/reference/regions/${REGION}/report.csv`);
    await get('/staff/areas/{areaId}/programme', `/staff/areas/${AREA}/programme`);
    if (participation) await post('/participation/{token}', participation, { action: 'withdraw' });
    await post('/staff/areas/{areaId}/programme/resume', `/staff/areas/${AREA}/programme/resume`, {});
    await post('/staff/areas/{areaId}/window', `/staff/areas/${AREA}/window`, {});
    await post('/reference/sign-out', '/reference/sign-out');
    await post('/staff/sign-out', '/staff/sign-out');
    await deliverEmails();

    const store = (await (await fetch(`${platform.sesEndpoint}/store`)).json()) as { emails: unknown[] };
    const progressDocuments = createDocumentClient({ endpoint: platform.dynamoEndpoint, region: 'eu-west-2' });
    const progress = await new DynamoAreaProgressStore(progressDocuments, platform.tableName).get(AREA);
    progressDocuments.destroy();
    return {
      measures,
      workflow: workflowTally,
      delivery,
      background,
      transitions: localWorkflowCounts.transitions - before.transitions,
      workflowTasks: localWorkflowCounts.tasks - before.tasks,
      workflowTaskMs: localWorkflowCounts.taskMs - before.taskMs,
      emailsSent: store.emails.length,
      applicationsByApi: API_APPLICANTS,
      finalStage: progress?.stage,
    };
  } finally {
    await platform.stop();
  }
}

const isPage = (route: Route) => route.method === 'GET';

/** The request of a route with the most read round trips (then reads, then writes): what the goal is held against. */
export const worstOf = (measure: RouteMeasure) => {
  // A request the platform refused says less about the route than one it served: those are weighed first.
  const served = measure.requests.filter((request) => request.status < 400);
  const weight = (tally: CallTally) => [tally.readWaves, tally.reads, tally.writes];
  const heavier = (next: CallTally, worst: CallTally) => {
    const [a, b] = [weight(next), weight(worst)];
    const differs = a.findIndex((value, index) => value !== b[index]);
    return differs >= 0 && a[differs]! > b[differs]!;
  };
  return (served.length ? served : measure.requests).reduce((worst, next) => (heavier(next, worst) ? next : worst));
};

/** The issue's goal: a page at most 2 read round trips; an action at most one write (one transaction) and one read round trip; no whole partition read. */
export const GOAL = { pageReadWaves: 2, actionReadWaves: 1, actionWrites: 1 } as const;

/** Why a request misses the goal, in round trips (reads side by side count once); empty when it meets it. */
export function offence(route: Route, tally: CallTally): string {
  const reasons: string[] = [];
  const transactions = (tally.commands.TransactWriteItems ?? 0) + (tally.commands.BatchWriteItem ?? 0);
  const allowedWaves = isPage(route) ? GOAL.pageReadWaves : GOAL.actionReadWaves;
  if (tally.readWaves > allowedWaves) reasons.push(`${tally.readWaves} read round trips`);
  if (!isPage(route) && tally.writes > GOAL.actionWrites) reasons.push(`${tally.writes} writes${transactions ? ` (${transactions} transactions)` : ''}`);
  if (tally.wholePartitionReads > 0) reasons.push(`${tally.wholePartitionReads} whole-partition`);
  return reasons.join(', ');
}

export function printRoundTrips(run: RoundTripRun): void {
  console.log('\nRound trips per request: one area through every stage on the local platform (DynamoDB Local); the request of each route with the most read round trips');
  console.log('  goal: a page (GET) at most 2 read round trips; an action (POST) at most one write (a transaction) and one read round trip; no Query of a whole partition of the table (lists read from an index not counted)');
  console.log('  reads: read calls (side by side, each counted); waves: read round trips, the longest chain of reads each begun after the one before answered (the goal is judged on these); items: items read (scanned); RCU/WCU: consumed capacity');
  const header = `  ${'route'.padEnd(64)} ${'n'.padStart(3)} ${'status'.padStart(6)} ${'reads'.padStart(5)} ${'waves'.padStart(5)} ${'writes'.padStart(6)} ${'items'.padStart(5)} ${'RCU'.padStart(6)} ${'WCU'.padStart(6)}  calls; over the goal`;
  console.log(header);
  const offenders: string[] = [];
  const notDriven: string[] = [];
  for (const route of routes) {
    const measure = run.measures.get(routeKey(route));
    if (!measure) {
      notDriven.push(routeKey(route));
      continue;
    }
    const worst = worstOf(measure);
    const calls = Object.entries(worst.commands)
      .map(([command, count]) => `${command}${count > 1 ? ` x${count}` : ''}`)
      .join(', ');
    const over = offence(route, worst);
    if (over) offenders.push(`${routeKey(route).padEnd(64)} ${String(worst.reads).padStart(5)} ${String(worst.readWaves).padStart(5)} ${String(worst.writes).padStart(6)}  ${over}`);
    console.log(
      `  ${routeKey(route).padEnd(64)} ${String(measure.requests.length).padStart(3)} ${String(worst.status).padStart(6)} ${String(worst.reads).padStart(5)} ${String(worst.readWaves).padStart(5)} ${String(worst.writes).padStart(6)} ${String(worst.itemsRead).padStart(5)} ${worst.rcu.toFixed(1).padStart(6)} ${worst.wcu.toFixed(1).padStart(6)}  ${calls || 'none'}${over ? `; OVER: ${over}` : ''}`,
    );
  }
  const totalRow = (name: string, tally: CallTally) =>
    console.log(`  ${name.padEnd(64)} ${String(tally.runs).padStart(3)} ${''.padStart(6)} ${String(tally.reads).padStart(5)} ${String(tally.readWaves).padStart(5)} ${String(tally.writes).padStart(6)} ${String(tally.itemsRead).padStart(5)} ${tally.rcu.toFixed(1).padStart(6)} ${tally.wcu.toFixed(1).padStart(6)}`);
  totalRow('(area workflow task functions, all stages, in total)', run.workflow);
  totalRow('(scheduled email delivery, in total)', run.delivery);
  totalRow('(acted on from the table stream, in total)', run.background);
  totalRow('(local workflow runner bookkeeping: not in AWS)', localOnly);
  totalRow('(outside any request or step counted above)', unattributed);
  const driven = routes.filter((route) => run.measures.has(routeKey(route)));
  const missing = (kind: (route: Route) => boolean) => {
    const of = driven.filter(kind);
    return `${of.filter((route) => offence(route, worstOf(run.measures.get(routeKey(route))!))).length} of ${of.length}`;
  };
  console.log(`\n  ${driven.length} of ${routes.length} routes driven; ${offenders.length} miss the goal (pages ${missing(isPage)}, actions ${missing((route) => !isPage(route))}):`);
  if (offenders.length) console.log(`    ${'route'.padEnd(64)} ${'reads'.padStart(5)} ${'waves'.padStart(5)} ${'writes'.padStart(6)}  why`);
  for (const line of offenders) console.log(`    ${line}`);
  if (notDriven.length) console.log(`  Not driven: ${notDriven.join('; ')}`);
  const refused = [...run.measures.values()].flatMap((measure) => measure.requests.filter((request) => request.status >= 400).map((request) => `${routeKey(measure.route)} ${request.status}`));
  if (refused.length) console.log(`  Answered 4xx/5xx (the bench's form may not fit; read their calls with care): ${[...new Set(refused)].join('; ')}`);
}
