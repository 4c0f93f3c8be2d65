import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { localStaff } from '@pip/local';
import { DynamoOutboxStore, createDocumentClient } from '@pip/storage';
import type { Browsers } from './browser';
import type { Mailbox } from './mailbox';
import type { SimPlatform } from './sim-platform';
import type { World } from './world';
import { ScheduleChecks } from './schedule-checks';

export interface Violation {
  invariant: string;
  detail: string;
  area?: number;
}

export interface InvariantResult {
  name: string;
  /** How many things it checked. */
  checked: number;
  violations: Violation[];
  /** What it let pass, and why: a repeat the platform makes by design, told apart from a broken promise. */
  allowed?: { count: number; why: string };
}

const OUTCOMES = ['You have been selected:', 'You are on the reserve list:', 'Your application:'];

/**
 * How soon after the email service took an email a kill can have stopped its sender recording it as
 * sent: the record follows the service's answer at once, so a few seconds covers a loaded machine.
 */
const KILLED_BEFORE_RECORDED_MS = 10_000;

/** The promises the programme makes, each checked over what people saw: pages, JSON and their inboxes. */
export class Invariants {
  private readonly results = new Map<string, InvariantResult>();
  /** Bookings and calendars, checked along the way (schedule-checks.ts). */
  readonly schedule: ScheduleChecks;

  constructor(
    private readonly platform: SimPlatform,
    private readonly world: World,
    private readonly mail: Mailbox,
    private readonly browsers: Browsers,
  ) {
    // Listed from the start, so that one with nothing to check shows as 0 checked rather than not at all.
    for (const name of ['no-5xx', 'one-outcome-per-applicant', 'each-email-once-per-event', 'no-reminder-after-its-event', 'attendance-never-changes', 'report-equals-answers-sent', 'area-complete-or-waiting-for-someone', 'due-emails-sent-once-email-is-back', 'no-personal-data-past-retention', 'each-slot-at-most-one-booking', 'calendar-equals-schedule']) this.result(name);
    this.schedule = new ScheduleChecks(platform, world, mail, browsers, (name, holds, detail, area) => this.check(name, holds, detail, area));
  }

  private result(name: string): InvariantResult {
    let result = this.results.get(name);
    if (!result) this.results.set(name, (result = { name, checked: 0, violations: [] }));
    return result;
  }

  private check(name: string, holds: boolean, detail: () => string, area?: number): void {
    const result = this.result(name);
    result.checked += 1;
    if (!holds) result.violations.push({ invariant: name, detail: detail(), ...(area === undefined ? {} : { area }) });
  }

  all(): InvariantResult[] {
    return [...this.results.values()];
  }

  noServerErrors(): void {
    for (const response of this.browsers.responses) {
      this.check('no-5xx', response.status === 'interrupted' || response.status < 500, () => `${response.method} ${response.path} answered ${response.status} (step ${response.step})`);
    }
  }

  oneOutcomeEach(): void {
    for (const area of this.world.areas) {
      if (!area.approved) continue;
      for (const person of area.people.filter((candidate) => candidate.applicationId)) {
        const outcomes = this.mail.to(person.email).filter((email) => OUTCOMES.some((start) => email.subject.startsWith(start)));
        // A reserve who accepted an offered place is then told they are selected: the approval's one outcome, then the place
        // confirmed. An acceptance the platform refused (the offer closed) leaves the one outcome.
        const placeConfirmed = ['You are on the reserve list:', 'You have been selected:'];
        const holds =
          outcomes.length === 1 ||
          (person.acceptedOffer === true && outcomes.length === 2 && outcomes.every((email, index) => email.subject.startsWith(placeConfirmed[index]!)));
        this.check('one-outcome-per-applicant', holds, () => `${person.applicationId} in ${area.name}${person.acceptedOffer ? ' (accepted an offered place)' : ''} received ${outcomes.length} outcome emails: ${outcomes.map((email) => email.subject).join(' | ')}`, area.plan.index);
      }
    }
  }

  /**
   * No one receives the same email twice. One exception, counted apart: a platform killed between the
   * email service taking an email and the outbox recording it sent sends it again once its claim
   * lapses (the outbox errs towards a second copy rather than a lost email, as no email service
   * can say whether it took a message). A copy is let pass only when a kill fell just after the copy
   * before it arrived; any other repeat breaks the promise.
   */
  oncePerEvent(): void {
    const copies = new Map<string, number[]>();
    for (const email of this.mail.emails) {
      const key = `${email.to}\n${email.subject}\n${email.text}`;
      copies.set(key, [...(copies.get(key) ?? []), email.machineAt]);
    }
    let sentAgain = 0;
    for (const [key, arrivals] of copies) {
      const [to, subject] = key.split('\n');
      const area = this.world.areas.find((candidate) => subject!.includes(candidate.name));
      const inOrder = [...arrivals].sort((a, b) => a - b);
      const afterAKill = inOrder.slice(1).filter((at, index) => this.platform.killedAt.some((kill) => kill > inOrder[index]! && kill < at && kill - inOrder[index]! <= KILLED_BEFORE_RECORDED_MS)).length;
      sentAgain += afterAKill;
      this.check('each-email-once-per-event', arrivals.length - afterAKill === 1, () => `${to} received "${subject}" ${arrivals.length} times, word for word${afterAKill ? ` (${afterAKill} after a kill)` : ''}`, area?.plan.index);
    }
    if (sentAgain > 0) this.result('each-email-once-per-event').allowed = { count: sentAgain, why: 'sent again after a kill between the email service taking it and the outbox recording it' };
  }

  noReminderAfterItsEvent(): void {
    for (const area of this.world.areas) {
      for (const email of this.mail.emails.filter((candidate) => candidate.subject.startsWith('Reminder: workshop') && candidate.subject.endsWith(area.name))) {
        const workshop = Number(/Reminder: workshop (\d)/u.exec(email.subject)?.[1]);
        const known = area.startHistory.filter((entry) => entry.workshop === workshop && entry.from <= email.platformAt).at(-1);
        this.check('no-reminder-after-its-event', !known || email.platformAt < known.start, () => `${email.to} reminded of workshop ${workshop} of ${area.name} at ${new Date(email.platformAt).toISOString()}, after it started at ${new Date(known!.start).toISOString()}`, area.plan.index);
      }
    }
  }

  async attendanceUnchanged(): Promise<void> {
    for (const area of this.world.areas) {
      for (const [workshop, recorded] of area.attendance) {
        const shown = await this.world.attendanceShown(area, workshop);
        this.check('attendance-never-changes', shown.join() === recorded.join(), () => `${area.name} workshop ${workshop}: recorded ${recorded.join(', ')}; now shows ${shown.join(', ')}`, area.plan.index);
      }
    }
  }

  async areasEndOrWait(): Promise<void> {
    for (const area of this.world.areas) {
      if (!area.areaId) continue;
      const page = (await this.browsers.get(`/staff/areas/${area.areaId}/programme`, localStaff[0])).text;
      // The page's tags: the phase banner's, then the area's stage.
      const tags = [...page.matchAll(/<strong class="govuk-tag[^"]*">([^<]+)<\/strong>/gu)].map((match) => match[1]!.trim());
      const stage = tags.find((text) => text !== 'Beta');
      const waiting = /waiting for staff to ([^<]+)/u.exec(page)?.[1];
      this.check('area-complete-or-waiting-for-someone', stage === 'Complete' || Boolean(waiting), () => `${area.name} is at "${stage}" and the page names nothing it waits for`, area.plan.index);
    }
  }

  async reportFigures(): Promise<void> {
    for (const area of this.world.areas) {
      if (!area.stepsDone.has('action-plan')) continue;
      const answered = area.people.filter((person) => person.evaluated).length;
      const page = (await this.browsers.get(`/staff/areas/${area.areaId}/report`, localStaff[0])).text;
      const shown = /Response rate: <strong>[^<]*<\/strong> \((\d+) of (\d+) participants\)/u.exec(page);
      this.check('report-equals-answers-sent', Number(shown?.[1]) === answered, () => `${area.name}: the report counts ${shown?.[1] ?? 'no'} responses; ${answered} were accepted`, area.plan.index);
    }
  }

  /** Once the SES endpoint is back and delivery has run: nothing due still waits, and nothing was given up because email was away. */
  async dueEmailsSent(): Promise<void> {
    const documents = createDocumentClient({ endpoint: this.platform.dynamoEndpoint, region: 'eu-west-2' });
    try {
      // Direct table reads: no page shows the outbox itself.
      const pending = await new DynamoOutboxStore(documents, this.platform.tableName).pendingIds(new Date(this.platform.now()));
      this.check('due-emails-sent-once-email-is-back', pending.length === 0, () => `${pending.length} due emails still in the outbox: ${pending.slice(0, 3).join(', ')}`);
      let cursor: Record<string, unknown> | undefined;
      do {
        const page = await documents.send(new ScanCommand({ TableName: this.platform.tableName, FilterExpression: '#type = :email', ExpressionAttributeNames: { '#type': 'type' }, ExpressionAttributeValues: { ':email': 'email' }, ExclusiveStartKey: cursor }));
        for (const item of page.Items ?? []) {
          const reason = String(item.lastError ?? '');
          this.check('due-emails-sent-once-email-is-back', item.status !== 'given-up' || reason.startsWith('Not sent'), () => `${String(item.messageId)} to ${String(item.to)} given up: ${reason}`);
        }
        cursor = page.LastEvaluatedKey;
      } while (cursor);
    } finally {
      documents.destroy();
    }
  }

  /**
   * With the clock far past every retention date: no unsuccessful applicant, and nobody who withdrew,
   * is found by their address (participants are kept until a year after a follow-up review, which the
   * simulation never holds).
   */
  async noPersonalDataPastRetention(): Promise<void> {
    for (const area of this.world.areas) {
      for (const person of area.people) {
        const unsuccessful = this.mail.to(person.email).some((email) => email.subject.startsWith('Your application:'));
        if (!unsuccessful && !person.withdrawn) continue;
        const page = (await this.browsers.get(`/staff/people?q=${encodeURIComponent(person.email)}`, localStaff[0])).text;
        this.check('no-personal-data-past-retention', !page.includes(person.fullName), () => `${person.fullName} (${unsuccessful ? 'unsuccessful' : 'withdrew'}, ${area.name}) is still found by their address`, area.plan.index);
      }
    }
  }
}
