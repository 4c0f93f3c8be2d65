import { applicationAnswersSchema, applicationFields, SENDING_FIELD, type ApplicationField } from './application-form';
import type { Area } from './area';
import type { Nomination } from './application';
import { DAY, daysAfter } from './durations';
import { ValidationError, type FieldError } from './errors';

/**
 * Save and come back later (GOV.UK's pattern): answers kept, unsent, behind a personal link emailed
 * to the address given. No password or memorable word: the link alone opens them (WCAG 2.2, 3.3.8).
 */
export const savedApplicationRules = {
  /** The link works this many days after the last save; saving again renews it. */
  linkDays: 28,
  /** One reminder this many days before applications close, to everyone with answers saved and unsent. */
  reminderDaysBeforeClose: 3,
  /** Saved answers are not checked as sent ones are, only held to a size no answer needs. */
  maxAnswerCharacters: 5000,
} as const;

/** Every answer but the privacy notice, as typed: saved answers need not be complete or right yet. */
export type SavedField = Exclude<ApplicationField, typeof SENDING_FIELD>;
export type SavedAnswers = Partial<Record<SavedField, string>>;

// Marked pure: the outbox store's retention rules import this file without the form's schema.
export const savedFields = /* @__PURE__ */ applicationFields.filter((name): name is SavedField => name !== SENDING_FIELD);

/**
 * Answers saved and not sent. Kept under its own random link (only the link's hash is stored), never
 * under the address: anyone can type any address, and a stranger's save must never touch another's.
 * Staff never see it, and it counts for nothing in selection until sent.
 */
export interface SavedApplication {
  areaId: string;
  /** The address the link was emailed to. */
  email: string;
  answers: SavedAnswers;
  savedAt: string;
  /** When the link stops working: `linkDays` after the last save. */
  expiresAt: string;
  /** Who nominated the applicant, when they came through a nomination link. */
  nomination?: Nomination;
}

/** The answers as saved: known fields only, trimmed, blank ones left out, none longer than any answer needs. */
export function savedAnswersFrom(input: Record<string, unknown>): SavedAnswers {
  const problems: FieldError[] = [];
  const answers: SavedAnswers = {};
  for (const name of savedFields) {
    const value = input[name];
    if (typeof value !== 'string' || value.trim() === '') continue;
    if (value.length > savedApplicationRules.maxAnswerCharacters) {
      problems.push({ field: name, message: `This answer must be ${savedApplicationRules.maxAnswerCharacters} characters or fewer to be saved` });
    } else answers[name] = value.trim();
  }
  if (problems.length > 0) throw new ValidationError(problems);
  return answers;
}

/** The address to email the link to, if the answers hold one that is right; otherwise why not. */
export function savingAddress(answers: SavedAnswers): { email: string } | { problem: FieldError } {
  const result = applicationAnswersSchema.shape.email.safeParse(answers.email ?? '');
  if (result.success) return { email: result.data };
  return { problem: { field: 'email', message: result.error.issues[0]?.message ?? 'Enter an email address' } };
}

export function savedLinkExpiresAt(savedAt: Date): string {
  return daysAfter(savedAt, savedApplicationRules.linkDays);
}

/**
 * When the reminder goes: `reminderDaysBeforeClose` before applications close, and never once they
 * have closed or the link stopped working. None when that moment has passed already (the person
 * saved in the last days, and has their link fresh in their inbox) or the link ends before it.
 */
export function savedReminderTiming(area: Pick<Area, 'recruitment'>, linkExpiresAt: string, now: Date): { sendAfter: string; notAfter: string } | undefined {
  const closesAt = Date.parse(area.recruitment.closesAt);
  const sendAfter = closesAt - savedApplicationRules.reminderDaysBeforeClose * DAY;
  const notAfter = Math.min(closesAt, Date.parse(linkExpiresAt));
  if (sendAfter <= now.getTime() || sendAfter >= notAfter) return undefined;
  return { sendAfter: new Date(sendAfter).toISOString(), notAfter: new Date(notAfter).toISOString() };
}

/**
 * The reminder a saved application has under the window as it stands: due at its moment
 * (`savedReminderTiming`) or, when none is coming, held to the instant it would be dropped
 * (`sendAfter` equal to `notAfter`), so the outbox never sends it, yet it keeps its link for a window
 * staff move later that calls for one. The link is only ever in the email itself, never with the
 * saved answers, so a reminder not kept now could never be made later.
 */
export function savedReminderSchedule(area: Pick<Area, 'recruitment'>, linkExpiresAt: string, now: Date): { sendAfter: string; notAfter: string; due: boolean } {
  const timing = savedReminderTiming(area, linkExpiresAt, now);
  if (timing) return { ...timing, due: true };
  const dropped = new Date(Math.min(Date.parse(area.recruitment.closesAt), Date.parse(linkExpiresAt))).toISOString();
  return { sendAfter: dropped, notAfter: dropped, due: false };
}

/** When saved answers are deleted: when their link stops working, or when applications close if sooner. */
export function savedApplicationDueAt(area: Pick<Area, 'recruitment'> | undefined, expiresAt: string): string {
  if (!area || Date.parse(area.recruitment.closesAt) >= Date.parse(expiresAt)) return expiresAt;
  return area.recruitment.closesAt;
}

/**
 * The id a page gives its "Save and come back later" button, so that a double click or a retried
 * request saves once and emails once. Made by the page, random; anything else is not one of ours.
 */
export const SAVE_REQUEST_PATTERN = /^[\w-]{16,64}$/u;
