import { describe, expect, it } from 'vitest';
import {
  DAY,
  HOUR,
  WithdrawalNotUndoableError,
  answerOffer,
  groupOn,
  participationRules,
  sectors,
  throughTheirLink,
  undoWithdrawal,
  withdrawParticipant,
  withdrawalHistory,
  type Actor,
  type AreaSelection,
  type Sector,
} from '@pip/domain';

const sam: Actor = { staffId: 'sam', name: 'Sam Rivers' };
const priya: Actor = { staffId: 'priya', name: 'Priya Shah' };
const sectorOf = (id: string): Sector => (id.startsWith('la') ? 'local-authority' : 'voluntary-community');
const nameOf = (id: string) => `Person ${id}`;
const at = (hours: number) => new Date(Date.UTC(2027, 2, 1, 9) + hours * HOUR);

/** Approved at 9am on 1 March 2027: six per sector, la1 and vc1 leading, two reserves each. */
function approved(): AreaSelection {
  const ids = (prefix: string, from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `${prefix}${from + i}`);
  const outcomes = Object.fromEntries([
    ...[...ids('la', 1, 6), ...ids('vc', 1, 6)].map((id) => [id, { kind: 'selected' as const, reasons: [] }]),
    ...[...ids('la', 7, 8), ...ids('vc', 7, 8)].map((id) => [id, { kind: 'reserve' as const, rank: Number(id.slice(2)) - 6, reasons: [] }]),
  ]);
  return {
    areaId: 'leeds',
    version: 2,
    status: 'approved',
    selected: { 'local-authority': ids('la', 1, 6), 'voluntary-community': ids('vc', 1, 6) },
    leads: { 'local-authority': 'la1', 'voluntary-community': 'vc1' },
    updatedBy: sam,
    updatedAt: at(0).toISOString(),
    approvedBy: sam,
    approvedAt: at(0).toISOString(),
    outcomes,
    reserves: { 'local-authority': ['la7', 'la8'], 'voluntary-community': ['vc7', 'vc8'] },
    offered: {},
    withdrawn: [],
    declined: [],
  };
}

const withdraw = (selection: AreaSelection, id: string, hours: number, by: Actor = sam) => withdrawParticipant(selection, id, at(hours).toISOString(), by)!.selection;
const undo = (selection: AreaSelection, id: string, hours: number, by: Actor = priya) => undoWithdrawal(selection, id, sectorOf, nameOf, by, at(hours));
const members = (selection: AreaSelection, hours: number) => [...groupOn(selection, at(hours).toISOString())].sort();

describe('undoing a withdrawal staff recorded by mistake', () => {
  it('puts the person back from the moment of the undo, as a dated fact, leaving who was in the group meanwhile as it was', () => {
    const out = withdraw(approved(), 'la3', 1);
    const { selection, offerWithdrawnFrom } = undo(out, 'la3', 5);

    expect(selection.selected['local-authority']).toContain('la3');
    expect(selection.withdrawn).toEqual([]);
    expect(selection.membership).toEqual([
      { applicationId: 'la3', change: 'left', at: at(1).toISOString(), by: sam },
      { applicationId: 'la3', change: 'rejoined', at: at(5).toISOString(), by: priya },
    ]);
    expect(members(selection, 3)).not.toContain('la3');
    expect(members(selection, 6)).toContain('la3');
    // The reserve offered the place had not answered: the offer goes, and they are first reserve again.
    expect(offerWithdrawnFrom).toBe('la7');
    expect(selection.offered?.['local-authority']).toBeUndefined();
    expect(selection.reserves?.['local-authority']).toEqual(['la7', 'la8']);
  });

  it('is allowed for a day after the withdrawal was recorded, and refused after', () => {
    const out = withdraw(approved(), 'vc4', 0);
    const withinADay = participationRules.undoWithdrawalWithin / HOUR;
    expect(withinADay).toBe(24);
    expect(() => undo(out, 'vc4', withinADay)).not.toThrow();
    expect(() => undo(out, 'vc4', withinADay + 0.01)).toThrow(/more than a day ago: it can no longer be undone/u);
  });

  it('is refused for a withdrawal the participant made through their own link', () => {
    const out = withdraw(approved(), 'vc2', 0, throughTheirLink('Person vc2'));
    expect(() => undo(out, 'vc2', 1)).toThrow(WithdrawalNotUndoableError);
    expect(() => undo(out, 'vc2', 1)).toThrow('Person vc2 withdrew through their own link: only a withdrawal staff recorded can be undone.');
  });

  it('is refused once a reserve has accepted the place', () => {
    const out = withdraw(approved(), 'la2', 0);
    const taken = answerOffer(out, 'la7', true, at(2).toISOString())!.selection;
    expect(() => undo(taken, 'la2', 3)).toThrow('Person la7 has accepted the place Person la2 left, so the withdrawal can no longer be undone.');
  });

  it('keeps the offer when another place in the sector is still open for it, and refuses the earlier leaver whose place was taken', () => {
    // la2 then la3 leave; la7 takes la2's place, and la8 is offered la3's.
    let selection = withdraw(withdraw(approved(), 'la2', 0), 'la3', 1);
    selection = answerOffer(selection, 'la7', true, at(2).toISOString())!.selection;
    expect(selection.offered?.['local-authority']).toBe('la8');
    expect(() => undo(selection, 'la2', 3)).toThrow(/Person la7 has accepted the place Person la2 left/u);
    const undone = undo(selection, 'la3', 3);
    expect(undone.offerWithdrawnFrom).toBe('la8');
    expect(undone.selection.selected['local-authority']).toHaveLength(6);

    // Both leave before anyone answers: undoing one leaves the offer standing for the other's place.
    const both = withdraw(withdraw(approved(), 'vc2', 0), 'vc3', 1);
    const first = undo(both, 'vc2', 2);
    expect(first.offerWithdrawnFrom).toBeUndefined();
    expect(first.selection.offered?.['voluntary-community']).toBe('vc7');
  });

  it('makes a lead the lead again, unless staff have named another since', () => {
    const out = withdraw(approved(), 'la1', 0);
    expect(out.leads['local-authority']).toBeUndefined();
    expect(undo(out, 'la1', 1)).toMatchObject({ leadAgain: true, selection: { leads: { 'local-authority': 'la1' } } });
    const named = { ...out, leads: { ...out.leads, 'local-authority': 'la2' } };
    expect(undo(named, 'la1', 1)).toMatchObject({ leadAgain: false, selection: { leads: { 'local-authority': 'la2' } } });
  });

  it('refuses someone who has not withdrawn, and a second undo', () => {
    expect(() => undo(approved(), 'la4', 1)).toThrow('Person la4 has not withdrawn, so there is nothing to undo.');
    const back = undo(withdraw(approved(), 'la4', 0), 'la4', 1).selection;
    expect(() => undo(back, 'la4', 2)).toThrow(WithdrawalNotUndoableError);
  });
});

describe('the history of withdrawals', () => {
  it('says who recorded each, who took the place from the reserves and when, and which were undone', () => {
    let selection = withdraw(approved(), 'la2', 0);
    selection = withdraw(selection, 'vc5', 1, throughTheirLink('Person vc5'));
    selection = answerOffer(selection, 'la7', true, at(3).toISOString())!.selection;
    selection = withdraw(selection, 'la4', 4);
    selection = undo(selection, 'la4', 5).selection;

    expect(withdrawalHistory(selection, sectorOf)).toEqual([
      expect.objectContaining({ applicationId: 'la2', by: sam, throughTheirLink: false, placeTakenBy: { applicationId: 'la7', at: at(3).toISOString() } }),
      expect.objectContaining({ applicationId: 'vc5', throughTheirLink: true }),
      expect.objectContaining({ applicationId: 'la4', by: sam, undone: { at: at(5).toISOString(), by: priya } }),
    ]);
    expect(withdrawalHistory(selection, sectorOf)[1]).not.toHaveProperty('placeTakenBy');
  });
});

describe('who was in the group, after any sequence of withdrawals, answers and undos', () => {
  it('is the selection as it stands now, and never changes for an earlier instant', { timeout: 30_000 }, () => {
    let seed = 11;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const pick = <T>(items: readonly T[]): T | undefined => items[Math.floor(random() * items.length)];
    let undos = 0;
    for (let run = 0; run < 200; run += 1) {
      let selection = approved();
      let hours = 1;
      const seen: { hours: number; group: string[] }[] = [];
      for (let step = 0; step < 12; step += 1) {
        hours += random() < 0.3 ? 30 : 1 + Math.floor(random() * 6);
        const roll = random();
        const selected = sectors.flatMap((sector) => selection.selected[sector]);
        const offered = sectors.map((sector) => selection.offered?.[sector]).filter((id): id is string => id !== undefined);
        if (roll < 0.35 && selected.length > 0) {
          selection = withdraw(selection, pick(selected)!, hours, random() < 0.7 ? sam : throughTheirLink('someone'));
        } else if (roll < 0.65 && offered.length > 0) {
          selection = answerOffer(selection, pick(offered)!, random() < 0.7, at(hours).toISOString())?.selection ?? selection;
        } else if ((selection.withdrawn ?? []).length > 0) {
          try {
            selection = undo(selection, pick(selection.withdrawn!)!, hours).selection;
            undos += 1;
          } catch (error) {
            if (!(error instanceof WithdrawalNotUndoableError)) throw error;
          }
        }
        const now = sectors.flatMap((sector) => selection.selected[sector]).sort();
        const same = (a: string[], b: string[]) => a.join() === b.join();
        const problems = [
          same(members(selection, hours), now) ? '' : `the group now is not who is selected now`,
          sectors.every((sector) => selection.selected[sector].length <= 6) ? '' : 'more than six in a sector',
          new Set(now).size === now.length ? '' : 'someone selected twice',
          ...seen.map((earlier) => (same(members(selection, earlier.hours), earlier.group) ? '' : `the group at hour ${earlier.hours} changed`)),
        ].filter(Boolean);
        if (problems.length > 0) expect.fail(`Run ${run}, step ${step}: ${problems.join('; ')}\n${JSON.stringify(selection.membership)}`);
        seen.push({ hours, group: now });
      }
    }
    // The sequences exercise undos, not only withdrawals and answers.
    expect(undos).toBeGreaterThan(100);
  });
});

it('counts a day as the rule says', () => {
  expect(participationRules.undoWithdrawalWithin).toBe(DAY);
});
