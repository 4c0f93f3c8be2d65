import type { PersonRecord } from '@pip/domain';
import { html, type SafeHtml } from '@pip/html';
import { panel, summaryList, twoThirds } from './components';
import { confirmationPage } from './confirmation-page';
import { page } from './layout';
import type { StaffView } from './staff-view';

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/**
 * The confirmation before an erasure, saying exactly what goes and what stays: the person's name,
 * addresses and answers go everywhere; the figures the programme reports stay as they were.
 */
export function eraseConfirmationPage(staff: StaffView, record: PersonRecord): SafeHtml {
  const applications = record.applications;
  const areas = applications.map((held) => `${held.area.name} (${held.application.applicationId}, to be known as ${held.pseudonym})`);
  const reviewNotes = applications.reduce((sum, held) => sum + held.reviews.filter((review) => review.note).length, 0);
  const comments = applications.filter((held) => held.evaluation?.answers.comments).length;
  const pending = record.emails.filter((email) => email.status === 'pending').length;
  const consequences: (string | SafeHtml)[] = [
    ...(applications.length > 0
      ? [
          `Their ${applications.length === 1 ? 'application' : `${applications.length} applications`} to ${areas.join('; ')} will be kept under that pseudonym, with the reference, sector, dates and the answers the figures count. Their name, address, organisation, job title, telephone number and every written answer are removed.`,
          'Their name and addresses are replaced by the pseudonym wherever they appear: selection reasons, the timeline, reminders, bookings and emails to other people.',
        ]
      : []),
    ...(reviewNotes > 0 ? [`${plural(reviewNotes, 'review note', 'review notes')} about them will be removed; the scores stay.`] : []),
    ...(comments > 0 ? ['Their evaluation comment will be removed; their ratings stay, so every report’s figures stay as they were.'] : []),
    `${plural(record.emails.length, 'email', 'emails')} to or about them will be emptied: when it was sent and whether it arrived stay, what it said goes${pending > 0 ? `; ${plural(pending, 'email', 'emails')} not yet sent will not be sent` : ''}.`,
    `${plural(record.links.length, 'personal link', 'personal links')} emailed to them will stop working.`,
    ...(record.nominations.length > 0 ? [`${plural(record.nominations.length, 'nomination', 'nominations')} of them will be removed.`] : []),
    ...(record.unreachable.length > 0 ? ['The record that our emails could not reach their address will be removed, so the platform could email that address again.'] : []),
    'Kept as they are: applications per sector, who was selected, attendance, bookings and the evaluation figures, counted without them by name.',
    'Each area’s timeline records that you erased them, with these counts and the pseudonym, never their name.',
  ];
  return confirmationPage({
    title: 'Are you sure you want to erase this person?',
    consequences,
    emailed: [],
    irreversible: 'Erasing cannot be undone: nobody can find out afterwards who the pseudonym stood for. Download what we hold first if the person also asked for a copy.',
    action: '/staff/people/erase',
    hidden: { email: record.email },
    confirmText: 'Yes, erase this person',
    cancelHref: `/staff/people/record?email=${encodeURIComponent(record.email)}`,
    staff,
  });
}

/** What an erasure did, area by area, for the staff member who asked for it. */
export interface ErasedView {
  areas: { areaName: string; pseudonym: string; applicationId?: string; removals: string[] }[];
  elsewhere: string[];
  nothingHeld: boolean;
}

export function personErasedPage(staff: StaffView, view: ErasedView): SafeHtml {
  if (view.nothingHeld) {
    return page({
      title: 'Nothing to erase',
      staff,
      backLink: '/staff/people',
      content: twoThirds(html`<h1 class="govuk-heading-l">Nothing to erase</h1>
<p class="govuk-body" role="status">We hold nothing about that address, so nothing was changed. The person may have been erased already.</p>
<p class="govuk-body"><a class="govuk-link" href="/staff/people">Find a person</a></p>`),
    });
  }
  return page({
    title: 'The person has been erased',
    staff,
    content: twoThirds(html`${panel({ titleText: 'The person has been erased', text: 'Every figure the programme reports is as it was' })}
${view.areas.map((area) =>
  summaryList({
    card: { title: area.areaName },
    rows: [
      { key: 'Now known as', value: area.applicationId ? `${area.pseudonym} (application ${area.applicationId})` : area.pseudonym },
      { key: 'What changed', value: html`<ul class="govuk-list">${area.removals.map((line) => html`<li>${line}</li>`)}</ul>` },
    ],
  }),
)}
${view.elsewhere.length > 0 ? summaryList({ card: { title: 'Not in any area' }, rows: [{ key: 'What changed', value: html`<ul class="govuk-list">${view.elsewhere.map((line) => html`<li>${line}</li>`)}</ul>` }] }) : ''}
<p class="govuk-body">Each area’s timeline records the erasure, by you, with these counts.</p>
<p class="govuk-body"><a class="govuk-link" href="/staff/people">Find another person</a></p>`),
  });
}
