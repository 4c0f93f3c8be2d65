import { describe, expect, it } from 'vitest';
import { workshopsFromForm, type StoredEmail } from '@pip/domain';
import { sendBriefing } from '@pip/functions/use-cases/area-workflow/send-briefing';
import { scheduleWorkshops } from '@pip/functions/use-cases/delivery/schedule-workshops';
import { recordWithdrawal } from '@pip/functions/use-cases/selection/record-withdrawal';
import { LEADS, approvedLeeds, scheduleForm } from './fixtures';

const sam = { staffId: 'sam', name: 'Sam Staff' };

const schedule = (firstDate: string) => workshopsFromForm(scheduleForm(firstDate));

const field = (ics: string, name: string) => new RegExp(`^${name}[^:]*:(.*)$`, 'mu').exec(ics.replace(/\r\n[ \t]/gu, ''))?.[1]?.trim();
const icsTime = (iso: string) => iso.replace(/[-:]/gu, '').replace(/\.\d{3}/u, '');

/** What each workshop is in one person's calendar after every file they were sent, as a calendar program applies them. */
function calendarOf(emails: readonly StoredEmail[]) {
  const events = new Map<string, { sequence: number; method: string; start?: string }>();
  const seen = new Set<string>();
  for (const { calendar } of emails) {
    if (!calendar) continue;
    const uid = field(calendar.ics, 'UID')!;
    const sequence = Number(field(calendar.ics, 'SEQUENCE'));
    // Never two files for one change: the same event at the same sequence twice.
    expect(seen.has(`${uid}/${sequence}`), `${uid} sequence ${sequence} sent twice`).toBe(false);
    seen.add(`${uid}/${sequence}`);
    const held = events.get(uid);
    if (held && held.sequence >= sequence) continue;
    events.set(uid, { sequence, method: calendar.method, start: field(calendar.ics, 'DTSTART') });
  }
  return events;
}

describe('calendars while the briefing step runs', () => {
  it('follow two reschedules and a withdrawal made mid-step: the latest times for those in the group, cancellations and no reminders for the one who left', async () => {
    const ports = approvedLeeds('2027-03-01T10:00:00.000Z');
    await ports.progress.save({ areaId: 'leeds', stage: 'preparation', history: [] });
    await scheduleWorkshops(ports, 'leeds', sam, schedule('2027-03-15'), -1);
    const [staying, leaving] = LEADS;

    // While the step queues its first email, staff move the workshops twice and a participant withdraws.
    const enqueue = ports.outbox.enqueue.bind(ports.outbox);
    let interleaved = false;
    ports.outbox.enqueue = async (...queued) => {
      if (!interleaved) {
        interleaved = true;
        await scheduleWorkshops(ports, 'leeds', sam, schedule('2027-03-23'), 0);
        await scheduleWorkshops(ports, 'leeds', sam, schedule('2027-03-30'), 1);
        await recordWithdrawal(ports, 'leeds', leaving.applicationId, sam);
      }
      return enqueue(...queued);
    };
    await sendBriefing(ports, { areaId: 'leeds' });
    await sendBriefing(ports, { areaId: 'leeds' }); // the step retried

    expect(interleaved).toBe(true);
    const final = (await ports.workshops.schedule('leeds'))!;
    const stayingCalendar = calendarOf(ports.outbox.to(staying.answers.email));
    expect([...stayingCalendar.values()].map((event) => [event.method, event.start])).toEqual(
      final.workshops.map((workshop) => ['REQUEST', icsTime(workshop.startsAt)]),
    );
    const leavingCalendar = calendarOf(ports.outbox.to(leaving.answers.email));
    expect([...leavingCalendar.values()].every((event) => event.method === 'CANCEL')).toBe(true);
    expect(ports.outbox.waiting().filter((email) => email.to === leaving.answers.email && email.subject.startsWith('Reminder'))).toEqual([]);
    expect(ports.outbox.waiting().filter((email) => email.to === staying.answers.email && email.subject.startsWith('Reminder'))).toHaveLength(8);
  });
});
