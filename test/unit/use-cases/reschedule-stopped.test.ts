import { describe, expect, it } from 'vitest';
import { workshopsFromForm, type Ports } from '@pip/domain';
import { scheduleWorkshops } from '@pip/functions/use-cases/delivery/schedule-workshops';
import type { MemoryPorts } from '../../support/memory-ports';
import { LEADS, approvedLeeds, scheduleForm } from './fixtures';

const sam = { staffId: 'sam', name: 'Sam Staff' };
const schedule = (firstDate: string) => workshopsFromForm(scheduleForm(firstDate));

/**
 * The ports of a request that stops (a function timed out or killed) as soon as its decision is
 * stored: the write that stores it answers, and every call the request makes after it fails. What
 * the table's stream does afterwards runs on the platform's own ports, as in AWS it runs in an
 * invocation of its own.
 */
function stoppingAfterDecision(ports: MemoryPorts): Ports {
  let stopped = false;
  const decisions = new Set(['saveSchedule', 'selectionDecided', 'learningEventScheduled', 'workshopsScheduled']);
  const stopping = <T extends object>(port: T): T =>
    new Proxy(port, {
      get(target, name, receiver) {
        const value = Reflect.get(target, name, receiver) as unknown;
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          if (stopped) throw new Error('the function stopped');
          const result = (value as (...a: unknown[]) => unknown).apply(target, args);
          if (!decisions.has(String(name))) return result;
          return (result as Promise<unknown>).then((stored) => {
            if (stored !== false) stopped = true;
            return stored;
          });
        };
      },
    });
  return Object.fromEntries(Object.entries(ports).map(([name, port]) => [name, port && typeof port === 'object' ? stopping(port) : port])) as unknown as Ports;
}

describe('workshops moved by a request that stops once the schedule is stored', () => {
  it('still move every calendar and every reminder: nobody is reminded of a date that is no longer the workshop’s', async () => {
    const ports = approvedLeeds('2027-03-01T10:00:00.000Z');
    await ports.progress.save({ areaId: 'leeds', stage: 'delivery', history: [] });
    await scheduleWorkshops(ports, 'leeds', sam, schedule('2027-04-06'), -1);
    const [member] = LEADS;
    const remindersOf = () => ports.outbox.waiting().filter((email) => email.to === member.answers.email && email.subject.startsWith('Reminder'));
    expect(remindersOf()).toHaveLength(8);

    // Moved two weeks earlier; the request stops right after the schedule is stored.
    await expect(scheduleWorkshops(stoppingAfterDecision(ports) as never, 'leeds', sam, schedule('2027-03-23'), 0)).rejects.toThrow('the function stopped');

    const moved = (await ports.workshops.schedule('leeds'))!;
    expect(moved.sequence).toBe(1);
    const starts = new Set(moved.workshops.map((workshop) => workshop.startsAt));
    // Every reminder still to go names a workshop as it now stands and is not sent once it has begun.
    expect(remindersOf().map((email) => email.notAfter).filter((notAfter) => !starts.has(notAfter!))).toEqual([]);
    expect(remindersOf()).toHaveLength(8);
    // And the calendar the person holds is the new one.
    const calendar = await ports.calendars.get('leeds', member.applicationId);
    expect(Object.values(calendar!.entries).map((entry) => entry.startsAt).sort()).toEqual([...starts].sort());
  });
});
