import { describe, expect, it } from 'vitest';
import { HOUR, RecruitmentClosedError, ValidationError, changedRecruitmentWindow, nextRecruitmentCheck, type Area } from '@pip/domain';
import { checkRecruitment } from '@pip/functions/use-cases/area-workflow/check-recruitment';
import { openRecruitment } from '@pip/functions/use-cases/area-workflow/open-recruitment';
import { startAreaWorkflows } from '@pip/functions/use-cases/delivery/start-area-workflows';
import { changeRecruitmentWindow } from '@pip/functions/use-cases/recruitment/change-recruitment-window';
import { memoryPorts } from '../../support/memory-ports';
import { LEEDS, area } from './fixtures';

const sam = { staffId: 'sam', name: 'Sam Rivers' };
const moment = (date: string, time = '17:00') => ({ date, time });
/** Leeds's applications are open from 4 January to 1 February 2027 (5pm UK time). */
const WHILE_OPEN = '2027-01-20T10:00:00.000Z';

describe("changing an area's recruitment window", () => {
  it('moves only the close once applications are open, by the rules of a new window', () => {
    const later = changedRecruitmentWindow(LEEDS, { opens: moment('2027-01-10', '09:00'), closes: moment('2027-02-15') }, new Date(WHILE_OPEN));
    expect(later).toEqual({ opensAt: LEEDS.recruitment.opensAt, closesAt: '2027-02-15T17:00:00.000Z' });
    const problems = (closes: string) => {
      try {
        changedRecruitmentWindow(LEEDS, { opens: moment(''), closes: moment(closes) }, new Date(WHILE_OPEN));
      } catch (error) {
        if (error instanceof ValidationError) return error.fieldErrors;
        throw error;
      }
      return [];
    };
    expect(problems('2027-01-08')).toEqual([{ field: 'closes-date', message: 'Applications must be open for at least a week' }]);
    expect(problems('2027-01-19')).toEqual([{ field: 'closes-date', message: 'The closing date must be in the future' }]);
    expect(problems('2027-02-30')).toEqual([expect.objectContaining({ field: 'closes-date' })]);
  });

  it('moves both dates before applications open, and nothing once they have closed', () => {
    const kent = area('kent', 'Kent');
    const before = new Date('2027-01-01T10:00:00.000Z');
    expect(changedRecruitmentWindow(kent, { opens: moment('2027-01-11', '09:00'), closes: moment('2027-02-08') }, before)).toEqual({
      opensAt: '2027-01-11T09:00:00.000Z',
      closesAt: '2027-02-08T17:00:00.000Z',
    });
    expect(() => changedRecruitmentWindow(kent, { opens: moment('2027-01-11', '09:00'), closes: moment('2027-03-08') }, new Date('2027-02-02T10:00:00.000Z'))).toThrow(
      RecruitmentClosedError,
    );
  });

  it('is audited, keeps applications, and is refused when someone changed the window first', async () => {
    const ports = memoryPorts({ now: WHILE_OPEN, areas: [LEEDS] });
    const change = { opens: moment(''), closes: moment('2027-02-15'), seen: LEEDS.recruitment };
    await expect(changeRecruitmentWindow(ports, 'leeds', change, sam)).resolves.toBe('changed');
    expect((await ports.areas.existing('leeds')).recruitment.closesAt).toBe('2027-02-15T17:00:00.000Z');
    expect(ports.audit.entries.map((entry) => [entry.action, entry.summary])).toEqual([
      [
        'Recruitment window changed',
        'Applications for Leeds now open from 9:00am on 4 January 2027 to 5:00pm on 15 February 2027; they were to open from 9:00am on 4 January 2027 to 5:00pm on 1 February 2027.',
      ],
    ]);
    const before = ports.snapshot();
    await expect(changeRecruitmentWindow(ports, 'leeds', { ...change, closes: moment('2027-02-20') }, sam)).rejects.toThrow(/Someone else changed the recruitment window/u);
    expect(ports.snapshot()).toEqual(before);
  });
});

describe('the workflow waiting for recruitment to close', () => {
  it('looks again at the close, or within the hour if that is sooner', () => {
    expect(nextRecruitmentCheck(LEEDS, new Date(WHILE_OPEN))).toBe(new Date(Date.parse(WHILE_OPEN) + HOUR).toISOString());
    expect(nextRecruitmentCheck(LEEDS, new Date('2027-02-01T16:30:00.000Z'))).toBe(LEEDS.recruitment.closesAt);
  });

  it('follows a close moved later, and one moved earlier, reading the area afresh each time', async () => {
    const ports = memoryPorts({ now: WHILE_OPEN, areas: [LEEDS] });
    const opened = await openRecruitment(ports, { areaId: 'leeds' });
    expect(opened.recruitmentCheckAt).toBe('2027-01-20T11:00:00.000Z');

    await changeRecruitmentWindow(ports, 'leeds', { opens: moment(''), closes: moment('2027-02-15'), seen: LEEDS.recruitment }, sam);
    ports.clock.set('2027-02-01T17:00:00.000Z');
    expect(await checkRecruitment(ports, opened)).toMatchObject({ recruitmentOver: false, recruitmentCheckAt: '2027-02-01T18:00:00.000Z' });

    const moved = (await ports.areas.existing('leeds')).recruitment;
    await changeRecruitmentWindow(ports, 'leeds', { opens: moment(''), closes: moment('2027-02-03', '09:00'), seen: moved }, sam);
    ports.clock.set('2027-02-03T09:00:00.000Z');
    expect(await checkRecruitment(ports, opened)).toMatchObject({ recruitmentOver: true, recruitmentClosesAt: '2027-02-03T09:00:00.000Z' });
  });

  it('is not started for an area whose opening moved later', async () => {
    const kent: Area = area('kent', 'Kent');
    const ports = memoryPorts({ now: '2027-01-01T10:00:00.000Z', areas: [kent] });
    await changeRecruitmentWindow(ports, 'kent', { opens: moment('2027-01-18', '09:00'), closes: moment('2027-02-15'), seen: kent.recruitment }, sam);
    ports.clock.set('2027-01-10T10:00:00.000Z');
    expect(await startAreaWorkflows(ports)).toEqual({ started: 0, approvalsCompleted: 0 });
    ports.clock.set('2027-01-18T09:00:00.000Z');
    expect(await startAreaWorkflows(ports)).toEqual({ started: 1, approvalsCompleted: 0 });
  });
});
