import { localStaff } from '@pip/local';
import type { Action, SessionNumber } from './plan';
import type { Browsers, Answer } from './browser';
import type { Mailbox } from './mailbox';
import type { SimPlatform } from './sim-platform';
import type { AreaState, PersonState } from './world';
import { ukDate } from './world';

const CONSULTANCY_LINK = /https?:\/\/[^/\s]+\/consultancy\/[\w-]{43}(?:\.[\w-]+){0,2}/u;
const FOLLOW_UP_LINK = /https?:\/\/[^/\s]+\/follow-up\/[\w-]{43}(?:\.[\w-]+){0,2}/u;

/** A lead's booking page as their browser holds it: the booking it showed, and each free time with the version it had. */
interface BookingPage {
  link: string;
  sequence: string;
  /** Free times in the order shown (earliest first), each with its version. */
  free: { slotId: string; version: string }[];
  /** Booked, and still open to a move or a cancellation. */
  booked: boolean;
}

function bookingPageOf(link: string, answer: Answer): BookingPage {
  const sequence = /name="sequence" value="(-?\d+)"/u.exec(answer.text)?.[1] ?? '-1';
  const free = [...answer.text.matchAll(/name="seen-([\w-]+)" value="(\d+)"/gu)].map((match) => ({ slotId: match[1]!, version: match[2]! }));
  // Several forms on the page repeat the same hidden fields.
  const unique = free.filter((slot, i) => free.findIndex((other) => other.slotId === slot.slotId) === i);
  // Only a booking that can still change offers "Cancel the session".
  return { link, sequence, free: unique, booked: /name="action" value="cancel"/u.test(answer.text) };
}

/**
 * The progress reviews as the people in them act: staff publishing consultancy slots and recording
 * sessions held; the two leads booking, moving and cancelling through their emailed links (at the
 * same moment, or with a double click); everyone saying which follow-up dates suit them and staff
 * confirming one; staff setting each region's learning event; partners nominating candidates.
 */
export class ProgressActors {
  private partnerLink: string | undefined;

  constructor(
    private readonly platform: SimPlatform,
    private readonly browsers: Browsers,
    private readonly mail: Mailbox,
    private readonly nonce: string,
    private readonly leadsOf: (area: AreaState) => Promise<string[]>,
  ) {}

  facilitatorOf(area: AreaState): { name: string; email: string } {
    return { name: `Fay Facilitator ${area.plan.index}`, email: `fac${area.plan.index}.${this.nonce}@sim.example.org` };
  }

  private consultancyPath(area: AreaState): string {
    return `/staff/areas/${area.areaId}/consultancy`;
  }

  async publishSlots(area: AreaState, action: Extract<Action, { kind: 'publish-slots' }>): Promise<boolean> {
    if (!area.approved) return false;
    const facilitator = this.facilitatorOf(area);
    let published = 0;
    for (const [i, day] of action.days.entries()) {
      const fields = { facilitator: facilitator.name, facilitatorEmail: facilitator.email, date: ukDate(this.platform.dayStart(day)), start: '10:00', end: '12:00', mode: i % 2 ? 'online' : 'in-person', where: i % 2 ? `https://meet.example/sim-${area.plan.index}` : 'Civic Centre, Room 2' };
      // A double click on "Publish the slot": the second is the same slot again, which the facilitator's clash check must refuse.
      const clicks = action.doubleClick && i === 0 ? 2 : 1;
      const answers = await Promise.all(Array.from({ length: clicks }, () => this.browsers.post(`${this.consultancyPath(area)}/slots`, fields, localStaff[0])));
      published += answers.filter((answer) => answer.status === 303).length;
    }
    return published > 0;
  }

  /** The leads' people, by the application ids the selection names as leads. */
  private async leads(area: AreaState): Promise<PersonState[]> {
    const ids = await this.leadsOf(area);
    return ids.flatMap((id) => area.people.filter((person) => person.applicationId === id));
  }

  private async bookingPage(person: PersonState, session: SessionNumber): Promise<BookingPage | undefined> {
    const link = this.mail.link(person.email, `Book consultancy session ${session}`, CONSULTANCY_LINK) ?? this.mail.link(person.email, `Please book consultancy session ${session}`, CONSULTANCY_LINK);
    if (!link) return undefined;
    const answer = await this.browsers.get(link);
    return answer.status === 200 ? bookingPageOf(link, answer) : undefined;
  }

  private book(page: BookingPage, slotId: string): Promise<Answer> {
    const version = page.free.find((slot) => slot.slotId === slotId)?.version ?? '0';
    return this.browsers.post(page.link, { action: 'book', slotId, sequence: page.sequence, [`seen-${slotId}`]: version });
  }

  async bookSession(area: AreaState, action: Extract<Action, { kind: 'book-session' }>): Promise<boolean> {
    await this.mail.refresh();
    const leads = await this.leads(area);
    const pages = (await Promise.all(leads.map((lead) => this.bookingPage(lead, action.session)))).filter((page): page is BookingPage => Boolean(page?.free.length));
    if (pages.length === 0) return false;
    const first = pages[0]!;
    const pick = (page: BookingPage, offset: number) => page.free[(action.choice + offset) % page.free.length]!.slotId;
    const attempts: Promise<Answer>[] = [this.book(first, pick(first, 0))];
    if (action.doubleClick) attempts.push(this.book(first, pick(first, 0)));
    // Both leads at the same moment, each from the page they opened: on the same time, or on different ones.
    const second = pages[1];
    if (action.bothLeads && second) attempts.push(this.book(second, pick(second, action.sameSlot ? 0 : 1)));
    const answers = await Promise.all(attempts);
    // A booking that lands sends the lead back to their page, saying so (post, redirect, get).
    return answers.some((answer) => answer.status === 303 && (answer.location ?? '').endsWith('done=booked'));
  }

  async moveSession(area: AreaState, session: SessionNumber, choice: number): Promise<boolean> {
    await this.mail.refresh();
    const [lead] = await this.leads(area);
    const page = lead && (await this.bookingPage(lead, session));
    if (!page?.booked || page.free.length === 0) return false;
    const moved = await this.book(page, page.free[choice % page.free.length]!.slotId);
    return moved.status === 303;
  }

  async cancelSession(area: AreaState, session: SessionNumber, rebook: boolean): Promise<boolean> {
    await this.mail.refresh();
    const leads = await this.leads(area);
    const page = leads[0] && (await this.bookingPage(leads[0], session));
    if (!page?.booked) return false;
    // "Cancel the session" asks first; the confirmation page's own button cancels.
    const asked = await this.browsers.post(page.link, { action: 'cancel', sequence: page.sequence });
    if (asked.status !== 200) return false;
    const cancelled = await this.browsers.post(page.link, { action: 'cancel', sequence: page.sequence, confirmed: 'yes' });
    if (cancelled.status !== 303 || !rebook) return cancelled.status === 303;
    // The other lead books another time (the first free one) from a page opened afresh.
    const other = leads[1] ?? leads[0]!;
    const again = await this.bookingPage(other, session);
    const slot = again?.free.at(-1);
    if (!again || !slot) return true;
    return (await this.book(again, slot.slotId)).status === 303;
  }

  async sessionHeld(area: AreaState, session: SessionNumber): Promise<boolean> {
    const held = await this.browsers.post(`${this.consultancyPath(area)}/held`, { session: String(session), notes: `Session ${session}: objectives under way` }, localStaff[0]);
    await this.platform.idle([area.areaId!]);
    return held.status === 303;
  }

  async proposeFollowUp(area: AreaState, days: [number, number], answerEvery: number): Promise<boolean> {
    const proposal: Record<string, string> = { 'follow-up-venue': 'Town Hall' };
    days.forEach((day, i) => Object.assign(proposal, { [`follow-up-${i + 1}-date`]: ukDate(this.platform.dayStart(day)), [`follow-up-${i + 1}-start`]: '10:00', [`follow-up-${i + 1}-end`]: '12:30' }));
    const proposed = await this.browsers.post(`${this.consultancyPath(area)}/follow-up`, proposal, localStaff[0]);
    if (proposed.status !== 303) return false;
    await this.mail.refresh();
    // Everyone asked answers except every `answerEvery`-th: some say both dates suit them, some only the later.
    for (const [i, person] of area.people.entries()) {
      if (i % answerEvery === answerEvery - 1) continue;
      const link = this.mail.link(person.email, 'Which dates suit you?', FOLLOW_UP_LINK);
      if (!link) continue;
      const page = await this.browsers.get(link);
      const options = [...page.text.matchAll(/name="available" type="checkbox" value="([^"]+)"/gu)].map((match) => match[1]!);
      if (options.length === 0) continue;
      await this.browsers.post(link, { available: i % 2 ? options : options.slice(-1) });
    }
    return true;
  }

  async confirmFollowUp(area: AreaState, doubleClick: boolean): Promise<boolean> {
    const path = `${this.consultancyPath(area)}/follow-up/confirm`;
    // The date most can make, as the button offers by default; with no answers yet, the first date listed.
    let asked = await this.browsers.post(path, {}, localStaff[0]);
    if (asked.status !== 200) {
      const page = (await this.browsers.get(this.consultancyPath(area), localStaff[0])).text;
      const first = /<input[^>]*name="optionId"[^>]*value="([^"]+)"/u.exec(page)?.[1];
      if (!first) return false;
      asked = await this.browsers.post(path, { optionId: first }, localStaff[0]);
    }
    const optionId = /name="optionId" value="([^"]+)"/u.exec(asked.text)?.[1];
    if (asked.status !== 200 || !optionId) return false;
    const answers = await Promise.all(Array.from({ length: doubleClick ? 2 : 1 }, () => this.browsers.post(path, { optionId, confirmed: 'yes' }, localStaff[0])));
    return answers.some((answer) => answer.status === 303);
  }

  async learningEvent(regionId: string, eventDay: number): Promise<boolean> {
    const fields = { date: ukDate(this.platform.dayStart(eventDay)), time: '10:00', minutes: '240', venue: `Regional Hall ${regionId}` };
    const saved = await this.browsers.post(`/staff/regions/${regionId}/learning-event`, fields, localStaff[1]);
    return saved.status === 303;
  }

  /** A partner organisation (one for the run, given its link by staff the first time) nominates a candidate, who is emailed a link to apply. */
  async nominate(area: AreaState, person: PersonState): Promise<boolean> {
    if (!this.partnerLink) {
      const contactEmail = `partner.${this.nonce}@sim.example.org`;
      const issued = await this.browsers.post('/staff/partners', { kind: 'acre', contactName: `Nadia Partner ${this.nonce}`, contactEmail }, localStaff[1]);
      if (issued.status !== 303) return false;
      await this.mail.refresh();
      this.partnerLink = this.mail.link(contactEmail, 'Your nomination link', /https?:\/\/[^/\s]+\/nominate\/[\w-]{43}(?:\.[a-z0-9-]+)?/u);
      if (!this.partnerLink) return false;
    }
    const nomination = {
      areaId: area.areaId!,
      candidateName: person.fullName,
      candidateEmail: person.email,
      candidateOrganisation: `Voluntary Action ${area.plan.index}`,
      candidateJobTitle: 'Chief Officer',
      reason: 'Brought the council and the voluntary sector forum together on commissioning.',
    };
    const sent = await this.browsers.post(this.partnerLink, nomination);
    return sent.status === 200;
  }

  /** The hidden nomination token of the application form the candidate's emailed link opens. */
  async nominationToken(person: PersonState): Promise<string | undefined> {
    await this.mail.refresh();
    const email = this.mail.to(person.email).filter((candidate) => candidate.subject.startsWith('You have been nominated')).at(-1);
    const path = email && /\/apply\/[\w-]+\?nomination=[\w-]{43}(?:\.[\w-]+){0,2}/u.exec(email.text)?.[0];
    if (!path) return undefined;
    const form = await this.browsers.get(path);
    return /name="nomination" value="([^"]+)"/u.exec(form.text)?.[1];
  }
}
