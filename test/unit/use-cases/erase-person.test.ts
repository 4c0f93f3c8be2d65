import { describe, expect, it } from 'vitest';
import { ValidationError } from '@pip/domain';
import { ERASURE_ACTION, erasePerson } from '../../../functions/src/use-cases/people/erase-person';
import { exportPerson, holdsNothing } from '../../../functions/src/use-cases/people/export-person';
import { removalsInWords } from '../../../functions/src/use-cases/people/removal-words';
import { memoryPorts } from '../../support/memory-ports';
import { AFTER_CLOSE, LEEDS, applicant, area } from './fixtures';

const priya = { staffId: 'priya', name: 'Priya Shah' };
const KENT = area('kent', 'Kent');

/** One person who applied to Leeds and to Kent under the same address, and a second Leeds applicant. */
function twoAreas() {
  const inLeeds = applicant(LEEDS.areaId, 'local-authority', 1);
  const inKent = { ...applicant(KENT.areaId, 'local-authority', 1), answers: { ...inLeeds.answers } };
  const other = applicant(LEEDS.areaId, 'local-authority', 2);
  const ports = memoryPorts({ now: AFTER_CLOSE, areas: [LEEDS, KENT], applications: [inLeeds, inKent, other] });
  return { ports, person: inLeeds, inKent, other };
}

describe('a person’s export', () => {
  it('asks for an address, at the field, before reading anything', async () => {
    const { ports } = twoAreas();
    for (const typed of [undefined, '  ', 'not an address']) {
      const refusal = exportPerson(ports, typed);
      await expect(refusal).rejects.toBeInstanceOf(ValidationError);
      await expect(refusal).rejects.toMatchObject({ fieldErrors: [{ field: 'email' }] });
    }
  });

  it('finds the person in every area they applied to, whatever the case of the address, and nothing for an unknown one', async () => {
    const { ports, person } = twoAreas();
    const record = await exportPerson(ports, ` ${person.answers.email.toUpperCase()} `);
    expect(record.applications.map((held) => held.area.areaId)).toEqual(['kent', 'leeds']);
    expect(holdsNothing(await exportPerson(ports, 'nobody@example.org'))).toBe(true);
  });
});

describe('erasing a person on request', () => {
  it('records one erasure entry in each area’s timeline: the staff member, the pseudonym and the counts, never the person', async () => {
    const { ports, person } = twoAreas();
    const erased = await erasePerson(ports, person.answers.email, priya);

    expect(erased.areas.map((area) => area.areaName)).toEqual(['Kent', 'Leeds']);
    const entries = ports.audit.entries.filter((entry) => entry.kind === 'erasure');
    expect(entries.map((entry) => entry.areaId).sort()).toEqual(['kent', 'leeds']);
    for (const entry of entries) {
      expect(entry).toMatchObject({ actor: priya, action: ERASURE_ACTION, kind: 'erasure' });
      expect(entry.summary).toMatch(/^Person [0-9A-F]{8} \(application PIP-[A-Z0-9-]+\) erased at their request: 1 application kept under a pseudonym/u);
      expect(JSON.stringify(entry)).not.toContain(person.answers.fullName);
      expect(JSON.stringify(entry).toLowerCase()).not.toContain(person.answers.email.toLowerCase());
    }
    expect(ports.audit.entries.filter((entry) => entry.kind !== 'erasure')).toEqual([]);
  });

  it('finds nothing the second time, and records nothing more', async () => {
    const { ports, person } = twoAreas();
    await erasePerson(ports, person.answers.email, priya);
    const before = ports.snapshot();
    const again = await erasePerson(ports, person.answers.email, priya);
    expect(again).toEqual({ areas: [], elsewhere: [], nothingHeld: true });
    expect(ports.snapshot()).toEqual(before);
  });

  it('leaves everyone else as they were', async () => {
    const { ports, person, other } = twoAreas();
    await erasePerson(ports, person.answers.email, priya);
    expect(await ports.applications.findByReference(LEEDS.areaId, other.applicationId)).toEqual(other);
  });

  it('refuses a missing address at the field, erasing nothing', async () => {
    const { ports } = twoAreas();
    await expect(erasePerson(ports, '', priya)).rejects.toMatchObject({ fieldErrors: [{ field: 'email' }] });
    expect(ports.people.erasures).toEqual([]);
  });
});

describe('counts in words', () => {
  it('says each kind once, in one or many, and any other kind as it is', () => {
    expect(removalsInWords({ email: 3, application: 1, link: 0, tokens: 2 })).toEqual(['1 application kept under a pseudonym', '3 emails emptied', '2 tokens']);
  });
});
