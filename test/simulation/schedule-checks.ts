import { DAY as DAY_MS, consultancyRules } from '@pip/domain';
import { localStaff } from '@pip/local';
import type { Browsers } from './browser';
import { rebuildCalendar, shownEvents } from './calendar-rebuild';
import type { Mailbox } from './mailbox';
import type { SimPlatform } from './sim-platform';
import type { AreaState, World } from './world';

type Check = (name: string, holds: boolean, detail: () => string, area?: number) => void;

const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const london = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** "2027-03-28 10:00", the UK wall-clock time of an instant. */
export function ukWallClock(instant: number): string {
  const parts = Object.fromEntries(london.formatToParts(new Date(instant)).map((part) => [part.type, part.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

/** The instant of a UK wall-clock time ("2027-03-28", "10:00"), whichever offset London had then. */
export function ukInstant(date: string, time: string): number | undefined {
  const hhmm = time.padStart(5, '0');
  for (const offsetHours of [0, 1]) {
    const candidate = Date.parse(`${date}T${hhmm}:00Z`) - offsetHours * 3_600_000;
    if (ukWallClock(candidate) === `${date} ${hhmm}`) return candidate;
  }
  return undefined;
}

/** A page's "28 March 2027" and "2:30pm" as an instant. */
function instantOfPageText(dateText: string, timeText: string): number | undefined {
  const date = /^(\d{1,2}) (\w+) (\d{4})$/u.exec(dateText.trim());
  const time = /^(\d{1,2}):(\d{2})([ap]m)$/u.exec(timeText.trim());
  if (!date || !time) return undefined;
  const month = months.indexOf(date[2]!) + 1;
  const hour = (Number(time[1]) % 12) + (time[3] === 'pm' ? 12 : 0);
  return ukInstant(`${date[3]}-${String(month).padStart(2, '0')}-${date[1]!.padStart(2, '0')}`, `${String(hour).padStart(2, '0')}:${time[2]}`);
}

const valueOf = (page: string, name: string) => new RegExp(`<input[^>]*name="${name}"[^>]*>`, 'u').exec(page)?.[0].match(/value="([^"]*)"/u)?.[1];

/** Each future workshop as the programme page's schedule form shows it (workshops that have taken place are shown as text). */
function workshopsShown(page: string): Map<number, number> {
  const starts = new Map<number, number>();
  for (const n of [1, 2, 3, 4]) {
    const [day, month, year, time] = ['date-day', 'date-month', 'date-year', 'time'].map((field) => valueOf(page, `workshop-${n}-${field}`));
    if (!day || !month || !year || !time) continue;
    const start = ukInstant(`${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`, time);
    if (start !== undefined) starts.set(n, start);
  }
  return starts;
}

/** The day and the two times a page gives for a session ("8 May 2027, 10:00am to 12:00pm", "10:00am to 12:00pm on 8 May 2027"). */
function timesIn(text: string): string | undefined {
  const day = /\d{1,2} [A-Z][a-z]+ \d{4}/u.exec(text)?.[0];
  const span = /(\d{1,2}:\d{2}[ap]m) to (\d{1,2}:\d{2}[ap]m)/u.exec(text);
  return day && span ? `${day} ${span[1]}-${span[2]}` : undefined;
}

export const sameTimes = (a: string, b: string): boolean => timesIn(a) !== undefined && timesIn(a) === timesIn(b);

/** Each consultancy session booked, as the staff consultancy page shows it ("Booked for 28 March 2027, 10:00am to ..."). */
function sessionsShown(page: string): Map<number, { start: number; text: string }> {
  const sessions = new Map<number, { start: number; text: string }>();
  for (const match of page.matchAll(/id="session-(\d)">Session \d<\/h2>\s*<p class="govuk-body">Booked for ([^,]+), (\d{1,2}:\d{2}[ap]m)( to [^<]*?), by /gu)) {
    const start = instantOfPageText(match[2]!, match[3]!);
    if (start !== undefined) sessions.set(Number(match[1]), { start, text: `${match[2]}, ${match[3]}${match[4]}` });
  }
  return sessions;
}

/** The confirmed follow-up review's start, from the staff consultancy page's list of proposed dates. */
function followUpShown(page: string): number | undefined {
  const match = /<li>(\d{1,2}:\d{2}[ap]m) on (\d{1,2} \w+ \d{4}): \d+ can make it\s*<strong class="govuk-tag[^"]*">Confirmed/u.exec(page);
  return match ? instantOfPageText(match[2]!, match[1]!) : undefined;
}

function learningEventShown(page: string): number | undefined {
  const match = /Scheduled for (\d{1,2}:\d{2}[ap]m) on (\d{1,2} \w+ \d{4}) at /u.exec(page);
  return match ? instantOfPageText(match[2]!, match[1]!) : undefined;
}

/**
 * "Each slot has at most one booking" and "each person's calendar, rebuilt from every .ics they were
 * sent, equals the schedule and membership as they stand", both read as people see them: the staff
 * pages and the leads' own links on one side, the inboxes on the other.
 */
export class ScheduleChecks {
  /** Events still to come compared across all calendar checks (so a summary shows the check was not of empty calendars). */
  eventsCompared = 0;
  /** Addresses of people the retention schedule has replaced by a pseudonym: never found again. */
  private readonly replaced = new Set<string>();

  constructor(
    private readonly platform: SimPlatform,
    private readonly world: World,
    private readonly mail: Mailbox,
    private readonly browsers: Browsers,
    private readonly check: Check,
  ) {}

  /** Over the staff consultancy page and both leads' booking pages: no slot taken twice, no session in two slots, and the leads see the booking staff see. */
  async slotsBookedOnce(area: AreaState): Promise<void> {
    if (!area.areaId || !area.approved) return;
    const page = (await this.browsers.get(`/staff/areas/${area.areaId}/consultancy`, localStaff[0])).text;
    const tagged = [...page.matchAll(/<li>([^<]*?) <strong class="govuk-tag[^"]*">Session (\d)<\/strong><\/li>/gu)].map((match) => ({ slot: match[1]!.trim(), session: Number(match[2]) }));
    const name = 'each-slot-at-most-one-booking';
    for (const session of [1, 2]) {
      const slots = tagged.filter((entry) => entry.session === session);
      this.check(name, slots.length <= 1, () => `${area.name}: session ${session} holds ${slots.length} slots: ${slots.map((entry) => entry.slot).join(' | ')}`, area.plan.index);
    }
    const bySlot = new Map<string, number>();
    for (const entry of tagged) bySlot.set(entry.slot, (bySlot.get(entry.slot) ?? 0) + 1);
    for (const [slot, count] of bySlot) this.check(name, count === 1, () => `${area.name}: the slot ${slot} is booked ${count} times`, area.plan.index);
    const sessions = sessionsShown(page);
    for (const [session, booked] of sessions) {
      this.check(name, tagged.some((entry) => entry.session === session && booked.text.startsWith(entry.slot.split(', with')[0]!)), () => `${area.name}: session ${session} is booked for ${booked.text}, but no slot is marked as its`, area.plan.index);
      for (const lead of await this.world.leadsOf(area)) {
        const person = area.people.find((candidate) => candidate.applicationId === lead);
        const link = person && this.mail.link(person.email, `Book consultancy session ${session}`, /https?:\/\/[^/\s]+\/consultancy\/[\w-]{43}(?:\.[\w-]+){0,2}/u);
        if (!link) continue;
        const leadPage = (await this.browsers.get(link)).text;
        // A booking link works for a year, and the retention pass removes it once it has run out: in a longer
        // run the lead's is gone by the end, which breaks no promise.
        const sentAt = this.mail.to(person.email).filter((email) => email.subject.startsWith(`Book consultancy session ${session}`)).at(-1)?.platformAt ?? 0;
        if (this.platform.now() - sentAt > consultancyRules.linkDays * DAY_MS && /This link (has expired|does not work)/u.test(leadPage)) continue;
        const when = /When\s*<\/dt>\s*<dd[^>]*>\s*([^<]+?)\s*<\/dd>/u.exec(leadPage)?.[1];
        // The same day and times, however each page words them.
        this.check(name, when !== undefined && sameTimes(when, booked.text), () => `${area.name}: staff see session ${session} booked for ${booked.text}; ${person.fullName}'s link shows ${when ?? 'no booking'}`, area.plan.index);
      }
    }
  }

  /**
   * For each person of the area (applicants, the leads, the consultancy facilitator): their calendar
   * rebuilt from their .ics files, its events still to come, against what is scheduled for them now.
   * Events that have started are history (nobody is sent a change to one), so only those to come count.
   */
  async calendarsMatch(area: AreaState): Promise<void> {
    if (!area.areaId || !area.approved) return;
    const now = this.platform.now();
    const programme = (await this.browsers.get(`/staff/areas/${area.areaId}/programme`, localStaff[0])).text;
    const consultancy = (await this.browsers.get(`/staff/areas/${area.areaId}/consultancy`, localStaff[0])).text;
    const learning = (await this.browsers.get(`/staff/regions/${area.plan.regionId}/learning-event`, localStaff[0])).text;
    const leads = await this.world.leadsOf(area);
    const workshops = workshopsShown(programme);
    const sessions = sessionsShown(consultancy);
    const followUp = followUpShown(consultancy);
    const regionEvent = learningEventShown(learning);
    const ours = (uid: string) => uid.endsWith(`-${area.areaId}@pip-platform`) || uid === `learning-event-${area.plan.regionId}@pip-platform`;
    const expected = (member: boolean, lead: boolean, facilitator: boolean): Map<string, number> => {
      const events = new Map<string, number>();
      if (member) {
        for (const [n, start] of workshops) events.set(`workshop-${n}-${area.areaId}@pip-platform`, start);
        if (followUp !== undefined) events.set(`follow-up-${area.areaId}@pip-platform`, followUp);
        if (regionEvent !== undefined) events.set(`learning-event-${area.plan.regionId}@pip-platform`, regionEvent);
      }
      if (lead || facilitator) for (const [session, booked] of sessions) events.set(`consultancy-${session}-${area.areaId}@pip-platform`, booked.start);
      return events;
    };
    const facilitator = this.world.progress.facilitatorOf(area);
    const people = [
      ...area.people.filter((person) => person.applicationId).map((person) => ({ email: person.email, name: person.fullName, member: this.world.isMember(area, person) && !person.withdrawn, lead: leads.includes(person.applicationId!), facilitator: false })),
      { email: facilitator.email, name: facilitator.name, member: false, lead: false, facilitator: true },
    ];
    for (const person of people) {
      const calendar = rebuildCalendar(this.mail.to(person.email).flatMap((email) => email.calendars));
      const held = new Map(shownEvents(calendar).filter((event) => ours(event.uid) && Date.parse(event.startsAt) > now).map((event) => [event.uid, Date.parse(event.startsAt)]));
      const wanted = new Map([...expected(person.member, person.lead, person.facilitator)].filter(([, start]) => start > now));
      const describe = (events: Map<string, number>) => [...events].sort().map(([uid, start]) => `${uid.split('@')[0]} ${ukWallClock(start)}`).join(', ') || 'nothing';
      this.eventsCompared += wanted.size;
      const same = held.size === wanted.size && [...wanted].every(([uid, start]) => held.get(uid) === start);
      // Someone the retention schedule has replaced by a pseudonym (a year after their area's follow-up review) is
      // nobody the platform can invite any more, to their region's later learning event or anything else.
      if (!same && person.member && (await this.replacedByPseudonym(person))) continue;
      this.check('calendar-equals-schedule', same, () => `${person.name} (${area.name}${person.member ? ', participant' : ''}${person.lead ? ', lead' : ''}) at ${ukWallClock(now)}: calendar holds ${describe(held)}; schedule says ${describe(wanted)}`, area.plan.index);
    }
  }

  /** Whether staff searching for the person by their address no longer find them by name: the retention schedule replaced them. */
  private async replacedByPseudonym(person: { email: string; name: string }): Promise<boolean> {
    if (this.replaced.has(person.email)) return true;
    const page = (await this.browsers.get(`/staff/people?q=${encodeURIComponent(person.email)}`, localStaff[0])).text;
    if (page.includes(person.name)) return false;
    this.replaced.add(person.email);
    return true;
  }
}
