import { describe, expect, it } from 'vitest';
import { SelectionChangedError, ValidationError, draftSelection, type SelectionDraft } from '@pip/domain';
import { approveSelection } from '../../../functions/src/use-cases/selection/approve-selection';
import { currentDraft, selectionContext } from '../../../functions/src/use-cases/selection/selection-context';
import { workflowArrivesAfterFirstRead } from './workflow-arrives';
import type { MemoryPorts } from '../../support/memory-ports';
import { APPLICANTS, LEEDS, reviewedLeeds } from './fixtures';

const sam = { staffId: 'sam', name: 'Sam Rivers' };
const priya = { staffId: 'priya', name: 'Priya Shah' };
const areaId = LEEDS.areaId;

/** The proposal as staff see it, with the first of each sector named lead. */
async function proposedWithLeads(ports: MemoryPorts): Promise<SelectionDraft> {
  const { selected } = currentDraft(await selectionContext(ports, areaId));
  return { selected, leads: { 'local-authority': selected['local-authority'][0], 'voluntary-community': selected['voluntary-community'][0] } };
}

describe('approving the selection', () => {
  it('emails every applicant their outcome once and lets the waiting workflow go on, however often it is retried', async () => {
    const ports = reviewedLeeds();
    await ports.staffSteps.hold(areaId, 'selection-approval', 'task-token', '2027-02-02T08:00:00.000Z');
    const draft = await proposedWithLeads(ports);

    await approveSelection(ports, areaId, sam, draft, 0);
    // The response was lost and Sam presses approve again, on the page he loaded before.
    await approveSelection(ports, areaId, sam, draft, 0);

    const { emails } = ports.outbox;
    expect(emails).toHaveLength(APPLICANTS.length);
    expect(new Set(emails.map((email) => email.to)).size).toBe(APPLICANTS.length);
    expect(emails.filter((email) => email.subject.startsWith('You have been selected'))).toHaveLength(12);
    expect(ports.outbox.goingOnInsert).toEqual(emails.map((email) => email.messageId));
    // Only the selected get a link, to withdraw; it works for about nine months.
    expect([...ports.emailedLinks.links.values()].map((link) => [link.purpose, link.expiresAt])).toEqual(Array(12).fill(['withdraw', '2027-11-07T10:00:00.000Z']));
    expect(ports.audit.entries.filter((entry) => entry.action === 'Selection approved')).toHaveLength(1);
    expect(ports.workflow.continued).toEqual(['task-token']);
    expect(await ports.staffSteps.isDone(areaId, 'selection-approval')).toBe(true);
  });

  it('lets the workflow go on once when it begins waiting just as the approval is written', async () => {
    const ports = reviewedLeeds();
    const draft = await proposedWithLeads(ports);
    workflowArrivesAfterFirstRead(ports, areaId, 'selection-approval', 'token-arrived');

    await approveSelection(ports, areaId, sam, draft, 0);

    expect(ports.workflow.continued).toEqual(['token-arrived']);
    expect(await ports.staffSteps.isDone(areaId, 'selection-approval')).toBe(true);
    expect(ports.audit.entries.filter((entry) => entry.action === 'Selection approved')).toHaveLength(1);
    expect(ports.outbox.emails).toHaveLength(APPLICANTS.length);
  });

  it('refuses while applications are open, writing and sending nothing', async () => {
    const ports = reviewedLeeds('2027-01-20T12:00:00.000Z');
    const before = ports.snapshot();
    const refusal = approveSelection(ports, areaId, sam, await proposedWithLeads(ports), 0);
    await expect(refusal).rejects.toBeInstanceOf(ValidationError);
    await expect(refusal).rejects.toMatchObject({ fieldErrors: [{ field: 'selection', message: expect.stringMatching(/approve the selection once they have closed/u) }] });
    expect(ports.snapshot()).toEqual(before);
  });

  it('refuses a selection without its leads, saying which are missing', async () => {
    const ports = reviewedLeeds();
    const { selected } = await proposedWithLeads(ports);
    await expect(approveSelection(ports, areaId, sam, { selected, leads: {} }, 0)).rejects.toMatchObject({
      fieldErrors: [
        { field: 'selection', message: 'Name a lead local authority participant.' },
        { field: 'selection', message: 'Name a lead voluntary and community sector participant.' },
      ],
    });
    expect(ports.selections.byArea.size).toBe(0);
  });

  it('tells the second of two staff approving at once that the selection changed, and sends them nothing', async () => {
    const ports = reviewedLeeds();
    const draft = await proposedWithLeads(ports);
    // Priya saves an edit between Sam loading the page and his approval landing.
    ports.selections.beforeNextWrite = () => {
      ports.selections.byArea.write(areaId, draftSelection(areaId, draft, priya, 0, '2027-02-10T09:59:00.000Z'));
    };
    const refusal = approveSelection(ports, areaId, sam, draft, 0);
    await expect(refusal).rejects.toBeInstanceOf(SelectionChangedError);
    await expect(refusal).rejects.toThrow(/Priya Shah changed it/u);
    expect(ports.selections.byArea.get(areaId)?.status).toBe('draft');
    expect([ports.outbox.emails.length, ports.staffSteps.done.size]).toEqual([0, 0]);
  });
});
