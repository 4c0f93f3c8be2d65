import { describe, expect, it } from 'vitest';
import { SelectionChangedError, ValidationError, draftSelection, type SelectionDraft } from '@pip/domain';
import { approveSelection } from '../../../functions/src/use-cases/approve-selection';
import { currentDraft, selectionContext } from '../../../functions/src/use-cases/selection-context';
import { wakefield, BASE_URL, selectionPorts } from './selection-fixture';

const sam = { staffId: 'sam', name: 'Sam Rivers' };
const priya = { staffId: 'priya', name: 'Priya Shah' };

/** The proposal as staff see it, with the first of each sector named lead. */
async function proposedWithLeads(ports: ReturnType<typeof selectionPorts>['ports']): Promise<SelectionDraft> {
  const { selected } = currentDraft(await selectionContext(ports, wakefield.areaId));
  return { selected, leads: { 'local-authority': selected['local-authority'][0], 'voluntary-community': selected['voluntary-community'][0] } };
}

describe('approving the selection', () => {
  it('emails every applicant their outcome once and lets the waiting workflow go on, however often it is retried', async () => {
    const { ports, outbox, audit, staffSteps, applications } = selectionPorts();
    await staffSteps.hold(wakefield.areaId, 'selection-approval', 'task-token');
    const draft = await proposedWithLeads(ports);

    await approveSelection(ports, wakefield.areaId, sam, draft, 0, BASE_URL);
    // The response was lost and Sam presses approve again, on the page he loaded before.
    await approveSelection(ports, wakefield.areaId, sam, draft, 0, BASE_URL);

    expect(outbox.emails).toHaveLength(applications.length);
    expect(new Set(outbox.emails.map((email) => email.to)).size).toBe(applications.length);
    expect(outbox.emails.filter((email) => email.subject.startsWith('You have been selected'))).toHaveLength(12);
    expect(ports.delivery.sent).toEqual(outbox.emails.map((email) => email.messageId));
    // Only the selected get a link, to withdraw; it works for about nine months.
    expect([...outbox.links.values()].map((link) => [link.purpose, link.expiresAt])).toEqual(Array(12).fill(['withdraw', '2027-11-07T10:00:00.000Z']));
    expect(audit.entries.filter((entry) => entry.action === 'Selection approved')).toHaveLength(1);
    expect(staffSteps.continued).toEqual(['task-token']);
    expect(await staffSteps.isDone(wakefield.areaId, 'selection-approval')).toBe(true);
  });

  it('refuses while applications are open, writing and sending nothing', async () => {
    const { ports, outbox, audit, selections, staffSteps } = selectionPorts('2027-01-20T12:00:00Z');
    const refusal = approveSelection(ports, wakefield.areaId, sam, await proposedWithLeads(ports), 0, BASE_URL);
    await expect(refusal).rejects.toBeInstanceOf(ValidationError);
    await expect(refusal).rejects.toMatchObject({ fieldErrors: [{ field: 'selection', message: expect.stringMatching(/approve the selection once they have closed/u) }] });
    expect([selections.stored.size, outbox.emails.length, audit.entries.length, staffSteps.done.size]).toEqual([0, 0, 0, 0]);
  });

  it('refuses a selection without its leads, saying which are missing', async () => {
    const { ports, selections } = selectionPorts();
    const { selected } = await proposedWithLeads(ports);
    await expect(approveSelection(ports, wakefield.areaId, sam, { selected, leads: {} }, 0, BASE_URL)).rejects.toMatchObject({
      fieldErrors: [
        { field: 'selection', message: 'Name a lead local authority participant.' },
        { field: 'selection', message: 'Name a lead voluntary and community sector participant.' },
      ],
    });
    expect(selections.stored.size).toBe(0);
  });

  it('tells the second of two staff approving at once that the selection changed, and sends them nothing', async () => {
    const { ports, outbox, selections, staffSteps } = selectionPorts();
    const draft = await proposedWithLeads(ports);
    // Priya saves an edit between Sam loading the page and his approval landing.
    selections.beforeNextWrite = () => {
      selections.stored.set(wakefield.areaId, draftSelection(wakefield.areaId, draft, priya, 0, '2027-02-10T09:59:00Z'));
    };
    const refusal = approveSelection(ports, wakefield.areaId, sam, draft, 0, BASE_URL);
    await expect(refusal).rejects.toBeInstanceOf(SelectionChangedError);
    await expect(refusal).rejects.toThrow(/Priya Shah changed it/u);
    expect(selections.stored.get(wakefield.areaId)?.status).toBe('draft');
    expect([outbox.emails.length, staffSteps.done.size]).toEqual([0, 0]);
  });
});
