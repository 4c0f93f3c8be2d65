import { describe, expect, it } from 'vitest';
import { ConflictError } from '@pip/domain';
import { bookConsultancySession } from '@pip/functions/use-cases/progress-reviews/book-consultancy-session';
import { consultancyState } from '@pip/functions/use-cases/progress-reviews/consultancy-state';
import { recordSessionHeld } from '@pip/functions/use-cases/progress-reviews/record-session-held';
import { LEEDS, approvedLeeds, slot, COUNCIL_LEAD } from './fixtures';

const SAM = { staffId: 's-1', name: 'Sam Rivers' };

async function bookedSessionOne() {
  const ports = approvedLeeds('2027-03-01T12:00:00.000Z', [slot('tuesday', '2027-03-09T10:00:00.000Z')]);
  await bookConsultancySession(ports, await consultancyState(ports, LEEDS.areaId, 1), 'tuesday', COUNCIL_LEAD, undefined);
  return ports;
}

describe('recording a consultancy session as held', () => {
  it('is refused before the session starts, and records nothing', async () => {
    const ports = await bookedSessionOne();
    const refused = recordSessionHeld(ports, LEEDS.areaId, '1', 'Too early', SAM);
    await expect(refused).rejects.toThrow(ConflictError);
    await expect(refused).rejects.toMatchObject({ field: 'session', message: 'A session can be recorded as held once it has started' });
    expect((await ports.consultancy.sessions(LEEDS.areaId))[1]?.heldAt).toBeUndefined();
    expect(ports.audit.entries.map((entry) => entry.action)).toEqual(['Consultancy session booked']);
  });

  it('after session one, keeps the notes and sends each lead a link to book session two; once', async () => {
    const ports = await bookedSessionOne();
    ports.clock.set('2027-03-09T12:30:00.000Z');

    await recordSessionHeld(ports, LEEDS.areaId, '1', '  Objectives 1 and 2 under way ', SAM);
    await expect(recordSessionHeld(ports, LEEDS.areaId, '1', 'Again', SAM)).rejects.toThrow(ConflictError);

    expect((await ports.consultancy.sessions(LEEDS.areaId))[1]?.notes).toBe('Objectives 1 and 2 under way');
    expect(ports.audit.entries.filter((entry) => entry.action === 'Consultancy session held').map((entry) => entry.summary)).toEqual([
      'Session 1 took place. Notes on the action plan: Objectives 1 and 2 under way',
    ]);
    expect(ports.outbox.subjects().filter((subject) => subject.startsWith('Book consultancy session 2'))).toHaveLength(2);
  });
});
