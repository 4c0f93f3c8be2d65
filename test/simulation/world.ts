import { randomUUID } from 'node:crypto';
import { localStaff } from '@pip/local';
import type { StaffProfile } from '@pip/domain';
import type { Action, ApplyMode, Plan, PlannedArea, PlannedPerson } from './plan';
import type { Browsers } from './browser';
import type { Mailbox } from './mailbox';
import type { SimPlatform } from './sim-platform';
import { ProgressActors } from './progress-actors';

const DAY = 86_400_000;
const WORKSHOP_MINUTES = 210;

export interface PersonState {
  plan: PlannedPerson;
  email: string;
  fullName: string;
  applicationId?: string;
  withdrawn: boolean;
  /** Evaluation answered, as the platform accepted it (200). */
  evaluated?: PlannedPerson['ratings'];
  /**
   * A reserve who answered the offer of a place by accepting it, whatever the answer (a restart may
   * cut it off after the platform took it): a place accepted is confirmed by email.
   */
  acceptedOffer?: boolean;
}

export interface AreaState {
  plan: PlannedArea;
  name: string;
  areaId?: string;
  people: PersonState[];
  approved: boolean;
  scheduled: boolean;
  /** The schedule as staff last saved it: workshop start times, and when each changed (for "no reminder after its event"). */
  workshopStarts: number[];
  startHistory: { workshop: number; start: number; from: number }[];
  /** Who the programme page showed as present, once recorded, by workshop. */
  attendance: Map<number, string[]>;
  stepsDone: Set<string>;
}

/**
 * The people of the programme acting through the platform's pages, one planned action at a time:
 * staff adding areas, reviewing, approving, scheduling and recording; applicants applying, saving
 * and changing; participants withdrawing and evaluating; reserves answering offers.
 */
export class World {
  readonly areas: AreaState[];
  skipped = 0;
  readonly progress: ProgressActors;

  constructor(
    plan: Plan,
    readonly nonce: string,
    private readonly platform: SimPlatform,
    private readonly browsers: Browsers,
    private readonly mail: Mailbox,
  ) {
    this.areas = plan.areas.map((area) => ({
      plan: area,
      name: `Simton ${nonce} ${String(area.index + 1).padStart(2, '0')}`,
      people: area.people.map((person, p) => ({
        plan: person,
        email: `a${area.index}p${p}.${nonce}@sim.example.org`,
        fullName: `Person ${area.index}-${p} ${nonce}`,
        withdrawn: false,
      })),
      approved: false,
      scheduled: false,
      workshopStarts: [],
      startHistory: [],
      attendance: new Map(),
      stepsDone: new Set(),
    }));
    this.progress = new ProgressActors(platform, browsers, mail, nonce, (area) => this.leadsOf(area));
  }

  areaIds(): string[] {
    return this.areas.flatMap((area) => (area.areaId ? [area.areaId] : []));
  }

  private area(index: number): AreaState | undefined {
    return this.areas.find((area) => area.plan.index === index);
  }

  /** Carries out one action; false when it could not apply as things stand (the area is not there yet, say). */
  async perform(action: Action): Promise<boolean> {
    if (action.kind === 'fault') return true;
    const area = this.area(action.area);
    if (!area) return false;
    if (action.kind !== 'add-area' && !area.areaId) return false;
    switch (action.kind) {
      case 'add-area':
        return this.addArea(area, localStaff[action.staff]!, action.doubleClick);
      case 'apply':
        return this.apply(area, area.people[action.person]!);
      case 'return-to-saved':
        return this.returnToSaved(area, area.people[action.person]!);
      case 'change-application':
        return this.changeApplication(area, area.people[action.person]!);
      case 'review':
        return this.review(area, action.twoAtOnce);
      case 'approve':
        return this.approve(area, action.race);
      case 'visit-and-schedule':
        return this.visitAndSchedule(area, action.doubleClick);
      case 'move-workshop':
        return this.moveWorkshop(area, action.workshop, action.days);
      case 'attendance':
        return this.recordAttendance(area, action.workshop, action.absentEvery, action.doubleClick);
      case 'withdraw':
        return this.withdraw(area, action.choice);
      case 'answer-offers':
        return this.answerOffers(area, action.accept);
      case 'evaluate':
        return this.evaluate(area, action.late);
      case 'complete-step':
        return this.completeStep(area, action.step);
      case 'nominate':
        return this.progress.nominate(area, area.people[action.person]!);
      case 'publish-slots':
        return this.progress.publishSlots(area, action);
      case 'book-session':
        return this.progress.bookSession(area, action);
      case 'move-session':
        return this.progress.moveSession(area, action.session, action.choice);
      case 'cancel-session':
        return this.progress.cancelSession(area, action.session, action.rebook);
      case 'session-held':
        return this.progress.sessionHeld(area, action.session);
      case 'propose-follow-up':
        return this.progress.proposeFollowUp(area, action.days, action.answerEvery);
      case 'confirm-follow-up':
        return this.progress.confirmFollowUp(area, action.doubleClick);
      case 'learning-event':
        return this.progress.learningEvent(action.regionId, action.eventDay);
    }
  }

  private async addArea(area: AreaState, staff: StaffProfile, doubleClick: boolean): Promise<boolean> {
    const opens = this.platform.now() - 60_000;
    const fields = {
      name: area.name,
      regionId: area.plan.regionId,
      'opens-date': ukDate(opens),
      'opens-time': ukTime(opens),
      'closes-date': ukDate(this.platform.dayStart(area.plan.startDay + area.plan.closeDays)),
      'closes-time': '17:00',
    };
    const answers = await Promise.all(Array.from({ length: doubleClick ? 2 : 1 }, () => this.browsers.post('/staff/new-area', fields, staff)));
    const added = answers.find((answer) => answer.status === 303);
    area.areaId = added?.location?.split('/').at(-1);
    // The schedule would start its workflow within five minutes.
    await this.platform.runTimed('start-area-workflows');
    return Boolean(area.areaId);
  }

  private answersOf(area: AreaState, person: PersonState, overrides: Record<string, string> = {}): Record<string, string> {
    const voluntary = person.plan.sector === 'voluntary-community';
    return {
      fullName: person.fullName,
      email: person.email,
      phone: '0113 496 0000',
      organisation: `${voluntary ? 'Voluntary Action' : 'Council'} ${area.plan.index}-${area.people.indexOf(person)}`,
      jobTitle: voluntary ? 'Chief Officer' : 'Assistant Chief Executive',
      sector: person.plan.sector,
      roleLevel: voluntary ? 'chief-executive-or-chief-officer' : 'director-or-assistant-chief-executive',
      ...(voluntary ? { organisationKind: 'infrastructure-body' } : {}),
      partnershipExperience: 'I chair the compact working group with the local voluntary sector forum.',
      programmeHopes: 'A shared plan for commissioning with the voluntary sector.',
      canAttendWorkshops: 'yes',
      privacyConsent: 'yes',
      ...overrides,
    };
  }

  private async apply(area: AreaState, person: PersonState): Promise<boolean> {
    const areaId = area.areaId!;
    const times = person.plan.doubleClick ? 2 : 1;
    const mode: ApplyMode = person.plan.mode;
    if (person.plan.nominated) {
      // Through the link the nomination emailed them, when there is one: the form it opens carries the nomination.
      const nomination = await this.progress.nominationToken(person);
      if (nomination) return this.sendForm(area, person, times, { nomination });
    }
    if (mode === 'save-and-return') {
      const saveRequest = randomUUID().replaceAll('-', '');
      const partial = { fullName: person.fullName, email: person.email, organisation: `Council ${area.plan.index}`, page: 'your-role', action: 'save', saveRequest };
      const answers = await Promise.all(Array.from({ length: times }, () => this.browsers.post(`/apply/${areaId}`, partial)));
      return answers.some((answer) => answer.status === 200);
    }
    if (mode === 'api') {
      const { privacyConsent: _, ...answers } = this.answersOf(area, person);
      const sent = await Promise.all(Array.from({ length: times }, () => this.browsers.postJson(`/api/areas/${areaId}/applications`, { ...answers, privacyConsent: true })));
      const created = sent.find((answer) => answer.status === 201);
      if (created) person.applicationId = (JSON.parse(created.text) as { applicationId: string }).applicationId;
      return Boolean(created);
    }
    return this.sendForm(area, person, times);
  }

  private async sendForm(area: AreaState, person: PersonState, times: number, extra: Record<string, string> = {}): Promise<boolean> {
    const sent = await Promise.all(Array.from({ length: times }, () => this.browsers.post(`/apply/${area.areaId}/send`, { ...this.answersOf(area, person), ...extra })));
    const reference = sent.map((answer) => /<strong>(PIP-[0-9A-Z]{4}-[0-9A-Z]{4})<\/strong>/u.exec(answer.text)?.[1]).find(Boolean);
    if (reference) person.applicationId = reference;
    return Boolean(reference);
  }

  private async returnToSaved(area: AreaState, person: PersonState): Promise<boolean> {
    await this.mail.refresh();
    const link = this.mail.link(person.email, 'Your saved application', /https?:\/\/\S+\/apply\/[\w-]+\/saved\/[\w-]{43}/u);
    if (!link) return false;
    const opened = await this.browsers.get(link);
    if (opened.status !== 200) return false;
    return this.sendForm(area, person, person.plan.doubleClick ? 2 : 1);
  }

  private async changeApplication(area: AreaState, person: PersonState): Promise<boolean> {
    await this.mail.refresh();
    const link = this.mail.link(person.email, 'Application received', /https?:\/\/[^/\s]+\/application\/[\w-]{43}(?:\.[\w-]+){0,2}/u);
    if (!link) return false;
    const sent = await this.browsers.post(`${link}/send`, this.answersOf(area, person, { jobTitle: 'Head of Partnerships' }));
    return sent.status === 200;
  }

  private applicants(area: AreaState): PersonState[] {
    return area.people.filter((person) => person.applicationId);
  }

  private async review(area: AreaState, twoAtOnce: boolean): Promise<boolean> {
    const [sam, priya] = [localStaff[0]!, localStaff[1]!];
    for (const person of this.applicants(area)) {
      const reviewBy = (staff: StaffProfile, scores: [number, number, number]) =>
        this.browsers.post(`/staff/areas/${area.areaId}/applications/${person.applicationId}/reviews`, { roleFit: String(scores[0]), partnershipExperience: String(scores[1]), commitment: String(scores[2]) }, staff);
      if (twoAtOnce) await Promise.all([reviewBy(sam, person.plan.scores[0]!), reviewBy(priya, person.plan.scores[1]!)]);
      else for (const [i, staff] of [sam, priya].entries()) await reviewBy(staff, person.plan.scores[i]!);
    }
    return true;
  }

  private async approve(area: AreaState, race: boolean): Promise<boolean> {
    const view = await this.browsers.staffJson<{ selection?: { selected: Record<string, string[]>; version: number } }>(`/api/staff/areas/${area.areaId}/selection`, localStaff[0]!);
    const selected = view.selection?.selected;
    const council = selected?.['local-authority'] ?? [];
    const voluntary = selected?.['voluntary-community'] ?? [];
    if (!council[0] || !voluntary[0]) return false;
    const fields = {
      version: String(view.selection!.version),
      action: 'approve',
      confirmed: 'yes',
      'selected-local-authority': council,
      'selected-voluntary-community': voluntary,
      'lead-local-authority': council[0],
      'lead-voluntary-community': voluntary[0],
    };
    const staff = race ? [localStaff[0]!, localStaff[1]!] : [localStaff[0]!];
    const answers = await Promise.all(staff.map((member) => this.browsers.post(`/staff/areas/${area.areaId}/selection`, fields, member)));
    area.approved = answers.some((answer) => answer.status === 303);
    await this.platform.idle([area.areaId!]);
    return area.approved;
  }

  private scheduleForm(area: AreaState, sequence: string): Record<string, string> {
    const form: Record<string, string> = { sequence, intervalOverride: 'Simulated dates: the day the plan drew' };
    area.plan.workshopDays.forEach((_, i) => {
      const n = i + 1;
      Object.assign(form, {
        [`workshop-${n}-date`]: ukDate(area.workshopStarts[i]!),
        [`workshop-${n}-time`]: '09:30',
        [`workshop-${n}-minutes`]: String(WORKSHOP_MINUTES),
        [`workshop-${n}-venue`]: n % 2 ? 'Civic Centre' : 'Voluntary Action Centre',
        [`workshop-${n}-host`]: n % 2 ? 'council' : 'voluntary-sector',
        [`workshop-${n}-facilitators`]: `Alex Facilitator ${this.nonce}-${area.plan.index}`,
        [`workshop-${n}-facilitator-2`]: `Bea Facilitator ${this.nonce}-${area.plan.index}`,
      });
    });
    return form;
  }

  private async visitAndSchedule(area: AreaState, doubleClick: boolean): Promise<boolean> {
    if (!area.approved) return false;
    const path = `/staff/areas/${area.areaId}/programme`;
    await this.browsers.post(`${path}/visit`, { visitedOn: ukDate(this.platform.now()) }, localStaff[0]);
    // The plan's days before any move: day of the first workshop, then every 35 days.
    const first = area.plan.scheduleDay + 14;
    area.workshopStarts = [0, 1, 2, 3].map((n) => ukStart(this.platform.dayStart(first + n * 35)));
    const form = this.scheduleForm(area, '-1');
    const answers = await Promise.all(Array.from({ length: doubleClick ? 2 : 1 }, () => this.browsers.post(`${path}/workshops`, form, localStaff[0])));
    area.scheduled = answers.some((answer) => answer.status === 303);
    if (!area.scheduled && process.env.SIMULATION_VERBOSE) console.log(`  schedule refused: ${answers.map((answer) => `${answer.status} ${[...answer.text.matchAll(/govuk-error-summary__list[\s\S]*?<\/ul>/gu)].map((m) => m[0].replace(/<[^>]+>/gu, ' ').replace(/\s+/gu, ' ')).join()}`).join(' / ')}`);
    const from = this.platform.now();
    if (area.scheduled) area.workshopStarts.forEach((start, i) => area.startHistory.push({ workshop: i + 1, start, from }));
    await this.platform.idle([area.areaId!]);
    return area.scheduled;
  }

  private async moveWorkshop(area: AreaState, workshop: number, days: number): Promise<boolean> {
    if (!area.scheduled) return false;
    const path = `/staff/areas/${area.areaId}/programme`;
    const page = await this.browsers.get(path, localStaff[0]);
    const sequence = /name="sequence" value="(-?\d+)"/u.exec(page.text)?.[1];
    if (sequence === undefined) return false;
    const previous = area.workshopStarts[workshop - 1]!;
    area.workshopStarts[workshop - 1] = ukStart(previous + days * DAY);
    const form = { ...this.scheduleForm(area, sequence), confirmed: 'yes' };
    const saved = await this.browsers.post(`${path}/workshops`, form, localStaff[0]);
    if (saved.status !== 303) {
      area.workshopStarts[workshop - 1] = previous;
      return false;
    }
    area.startHistory.push({ workshop, start: area.workshopStarts[workshop - 1]!, from: this.platform.now() });
    return true;
  }

  private async recordAttendance(area: AreaState, workshop: number, absentEvery: number, doubleClick: boolean): Promise<boolean> {
    if (!area.scheduled) return false;
    const path = `/staff/areas/${area.areaId}/programme`;
    const members = area.people.filter((person) => person.applicationId && !person.withdrawn && this.isMember(area, person));
    const present = members.filter((_, i) => i % absentEvery !== absentEvery - 1).map((person) => person.applicationId!);
    const answers = await Promise.all(Array.from({ length: doubleClick ? 2 : 1 }, () => this.browsers.post(`${path}/attendance`, { workshop: String(workshop), present }, localStaff[0])));
    if (!answers.some((answer) => answer.status === 303)) return false;
    area.attendance.set(workshop, await this.attendanceShown(area, workshop));
    return true;
  }

  /** Who the programme page shows ticked as present at a workshop. */
  async attendanceShown(area: AreaState, workshop: number): Promise<string[]> {
    const page = (await this.browsers.get(`/staff/areas/${area.areaId}/programme`, localStaff[0])).text;
    const end = page.indexOf(`Record attendance at workshop ${workshop}`);
    const start = workshop > 1 ? page.lastIndexOf(`Record attendance at workshop ${workshop - 1}`, end) : 0;
    const part = page.slice(Math.max(0, start), end);
    return [...part.matchAll(/value="(PIP-[0-9A-Z-]+)" checked/gu)].map((match) => match[1]!).sort();
  }

  /** A participant: emailed that they were selected, or later offered a place and accepted. */
  isMember(_area: AreaState, person: PersonState): boolean {
    const subjects = this.mail.to(person.email).map((email) => email.subject);
    return subjects.some((subject) => subject.startsWith('You have been selected') || subject.startsWith('You are still taking part'));
  }

  private async withdraw(area: AreaState, choice: number): Promise<boolean> {
    await this.mail.refresh();
    const candidates = area.people.filter((person) => person.applicationId && !person.withdrawn && this.isMember(area, person));
    // Leads stay: a lead's withdrawal asks staff to name another first.
    const leads = await this.leadsOf(area);
    const others = candidates.filter((person) => !leads.includes(person.applicationId!));
    const person = others[choice % Math.max(1, others.length)];
    if (!person) return false;
    const link = this.mail.link(person.email, 'You have been selected', /https?:\/\/[^/\s]+\/participation\/[\w-]{43}(?:\.[\w-]+){0,2}/u);
    if (!link) return false;
    const done = await this.browsers.post(link, { action: 'withdraw' });
    if (done.status === 200) person.withdrawn = true;
    await this.platform.idle([area.areaId!]);
    return done.status === 200;
  }

  async leadsOf(area: AreaState): Promise<string[]> {
    const view = await this.browsers.staffJson<{ selection?: { leads?: Record<string, string> } }>(`/api/staff/areas/${area.areaId}/selection`, localStaff[0]!);
    return Object.values(view.selection?.leads ?? {});
  }

  private async answerOffers(area: AreaState, accept: boolean): Promise<boolean> {
    await this.mail.refresh();
    let answered = false;
    for (const person of area.people) {
      const link = this.mail.link(person.email, 'A place is available for you', /https?:\/\/[^/\s]+\/participation\/[\w-]{43}(?:\.[\w-]+){0,2}/u);
      if (!link) continue;
      if (accept) person.acceptedOffer = true;
      const done = await this.browsers.post(link, { action: accept ? 'accept' : 'decline' });
      answered ||= done.status === 200;
    }
    return answered;
  }

  private async evaluate(area: AreaState, late: boolean): Promise<boolean> {
    await this.mail.refresh();
    let answered = false;
    for (const person of area.people) {
      if (person.withdrawn || person.evaluated || person.plan.evaluation !== (late ? 'late' : 'prompt')) continue;
      const link = this.mail.link(person.email, 'How was the programme?', /https?:\/\/[^/\s]+\/evaluation\/[\w-]{43}(?:\.[\w-]+){0,2}/u);
      if (!link) continue;
      const answers = { ...person.plan.ratings, knowledgeIncreased: 'yes', abilityIncreased: 'yes', metExpectations: 'yes' };
      // Saved answers send the participant back to their page, saying so (post, redirect, get).
      const done = await this.browsers.post(link, answers);
      if (done.status === 303) person.evaluated = person.plan.ratings;
      answered ||= done.status === 303;
    }
    return answered;
  }

  private async completeStep(area: AreaState, step: 'action-plan' | 'progress-reviews' | 'evaluation'): Promise<boolean> {
    await this.platform.idle([area.areaId!]);
    const fields: Record<string, string> = step === 'action-plan' ? { step, objectives: '1. A joint commissioning framework\n2. A shared volunteering strategy' } : { step };
    const done = await this.browsers.post(`/staff/areas/${area.areaId}/programme/steps`, fields, localStaff[0]);
    if (done.status === 303) area.stepsDone.add(step);
    await this.platform.idle([area.areaId!]);
    return done.status === 303;
  }
}

export const ukDate = (instant: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(instant));

const ukTime = (instant: number) =>
  new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(instant));

/** 09:30 UK time on the UK date of `instant`: when a workshop of that day starts. */
export function ukStart(instant: number): number {
  const date = ukDate(instant);
  for (const offsetHours of [0, 1]) {
    const candidate = Date.parse(`${date}T09:30:00Z`) - offsetHours * 3_600_000;
    if (ukTime(candidate) === '09:30' && ukDate(candidate) === date) return candidate;
  }
  return Date.parse(`${date}T09:30:00Z`);
}
