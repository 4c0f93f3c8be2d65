import { describe, expect, it } from 'vitest';
import { ConflictError } from '@pip/domain';
import { bookConsultancySession } from '@pip/functions/use-cases/book-consultancy-session';
import { consultancyState } from '@pip/functions/use-cases/consultancy-state';
import { recordSessionHeld } from '@pip/functions/use-cases/record-session-held';
import { AREA, consultancyInMemory, slot } from './consultancy-fakes';

const SAM = { staffId: 's-1', name: 'Sam Rivers' };

async function bookedSessionOne() {
  const memory = consultancyInMemory({ now: '2027-03-01T12:00:00.000Z', slots: [slot('tuesday', '2027-03-09T10:00:00.000Z')] });
  await bookConsultancySession(memory.ports, await consultancyState(memory.ports, AREA.areaId, 1), 'tuesday', 'Lead 1', undefined);
  return memory;
}

describe('recording a consultancy session as held', () => {
  it('is refused before the session starts, and records nothing', async () => {
    const memory = await bookedSessionOne();
    const refused = recordSessionHeld(memory.ports, AREA.areaId, '1', 'Too early', SAM);
    await expect(refused).rejects.toThrow(ConflictError);
    await expect(refused).rejects.toMatchObject({ field: 'session', message: 'A session can be recorded as held once it has started' });
    expect(memory.sessions[1]?.heldAt).toBeUndefined();
    expect(memory.audit.map((entry) => entry.action)).toEqual(['Consultancy session booked']);
  });

  it('after session one, keeps the notes and sends each lead a link to book session two; once', async () => {
    const memory = await bookedSessionOne();
    memory.moveClockTo('2027-03-09T12:30:00.000Z');

    await recordSessionHeld(memory.ports, AREA.areaId, '1', '  Objectives 1 and 2 under way ', SAM);
    await expect(recordSessionHeld(memory.ports, AREA.areaId, '1', 'Again', SAM)).rejects.toThrow(ConflictError);

    expect(memory.sessions[1]?.notes).toBe('Objectives 1 and 2 under way');
    expect(memory.audit.filter((entry) => entry.action === 'Consultancy session held').map((entry) => entry.summary)).toEqual([
      'Session 1 took place. Notes on the action plan: Objectives 1 and 2 under way',
    ]);
    expect(memory.subjects().filter((subject) => subject.startsWith('Book consultancy session 2'))).toHaveLength(2);
  });
});
