import { beforeEach, describe, expect, it } from 'vitest';
import { approvedSelection, type AreaSelection, type EmailedLink } from '@pip/domain';
import { answerReserveOffer } from '@pip/functions/use-cases/selection/answer-reserve-offer';
import { openParticipationLink, type OpenParticipationLink } from '@pip/functions/use-cases/selection/place-link';
import { recordWithdrawal } from '@pip/functions/use-cases/selection/record-withdrawal';
import { selectionContext } from '@pip/functions/use-cases/selection/selection-context';
import { memoryPorts, type MemoryPorts } from '../../support/memory-ports';
import { recording } from '../../support/recording-ports';
import { AFTER_CLOSE, APPLICANTS, LEEDS, REVIEWS } from './fixtures';

/*
 * A participant's own link (POST /participation/{token}): opening it reads the selection and the
 * person beside the area, and the decision is taken on those reads rather than on a second reading of
 * them; a turn that loses a race to another change reads again.
 */
const sam = { staffId: 'sam', name: 'Sam Rivers' };
const areaId = LEEDS.areaId;
const byName = (fullName: string) => APPLICANTS.find((application) => application.answers.fullName === fullName)!;

let ports: MemoryPorts;
let approved: AreaSelection;
const stored = () => ports.selections.byArea.get(areaId)!;

beforeEach(async () => {
  ports = memoryPorts({ now: AFTER_CLOSE, areas: [LEEDS], applications: APPLICANTS, reviews: REVIEWS });
  const { proposal, candidates } = await selectionContext(ports, areaId);
  const leads = { 'local-authority': proposal.selected['local-authority'][0], 'voluntary-community': proposal.selected['voluntary-community'][0] };
  approved = approvedSelection(areaId, { selected: proposal.selected, leads }, candidates, sam, 0, '2027-02-09T09:00:00.000Z');
  ports.selections.byArea.write(areaId, approved);
});

/** A link of this purpose for the person, as their email carried it, opened as the page's POST opens it. */
async function opened(request: MemoryPorts, purpose: EmailedLink['purpose'], applicationId: string, token: string): Promise<OpenParticipationLink> {
  ports.emailedLinks.links.write(token, { purpose, areaId, applicationId, expiresAt: '2028-01-01T00:00:00.000Z' });
  const link = await openParticipationLink(request, token);
  if (link.problem) throw new Error(`the link did not open: ${link.problem}`);
  return link;
}

describe('answering through a participation link', () => {
  it('withdrawing decides on what opening the link read: the link, then one wave, then one write (and the reserve’s name once the selection names them)', async () => {
    const leaving = byName('LA Person 5');
    const request = recording(ports);
    const link = await opened(request.ports, 'withdraw', leaving.applicationId, 'w'.repeat(43));
    expect(await recordWithdrawal(request.ports, areaId, leaving.applicationId, link.actor, link.read)).toBe('withdrawn');

    expect(request.recorded.writes).toEqual(['announcements.selectionDecided']);
    // The link; the area, the person and the selection side by side; the reserve offered the place, for the timeline's words.
    expect(request.recorded.readWaves).toBe(3);
    expect(request.recorded.calls.filter((call) => call === 'selections.get')).toHaveLength(1);
    expect(stored().withdrawn).toContain(leaving.applicationId);
  });

  it('accepting an offer is the link, one wave of reads and one write', async () => {
    await recordWithdrawal(ports, areaId, byName('LA Person 5').applicationId, sam);
    const reserve = byName('LA Person 7');
    const request = recording(ports);
    const link = await opened(request.ports, 'reserve-offer', reserve.applicationId, 'r'.repeat(43));
    await answerReserveOffer(request.ports, areaId, reserve.applicationId, true, link.actor, link.read);

    expect(request.recorded.writes).toEqual(['announcements.selectionDecided']);
    expect(request.recorded.readWaves).toBe(2);
    expect(stored().selected['local-authority']).toContain(reserve.applicationId);
  });

  it('a change that landed after the link opened is read again and decided on: nothing is lost', async () => {
    await recordWithdrawal(ports, areaId, byName('LA Person 5').applicationId, sam);
    const reserve = byName('LA Person 7');
    const link = await opened(ports, 'reserve-offer', reserve.applicationId, 'r'.repeat(43));
    // Staff record another withdrawal between the page's reads and its write.
    const other = byName('VC Person 4');
    await recordWithdrawal(ports, areaId, other.applicationId, sam);
    await answerReserveOffer(ports, areaId, reserve.applicationId, true, link.actor, link.read);

    expect(stored().withdrawn).toEqual(expect.arrayContaining([byName('LA Person 5').applicationId, other.applicationId]));
    expect(stored().selected['local-authority']).toContain(reserve.applicationId);
    expect(stored().version).toBe(approved.version + 3);
  });
});
