import { describe, expect, it } from 'vitest';
import { DAY, isStale, savedApplicationRules, savedReminderSchedule } from '@pip/domain';

const now = new Date('2030-03-01T12:00:00.000Z');
const areaClosingIn = (days: number) => ({ recruitment: { opensAt: '2030-02-01T09:00:00.000Z', closesAt: new Date(now.getTime() + days * DAY).toISOString() } });
const linkExpiresAt = new Date(now.getTime() + 28 * DAY).toISOString();

describe('the reminder a saved application has under the window as it stands', () => {
  it('is due its days before the close while that moment is to come', () => {
    const area = areaClosingIn(10);
    expect(savedReminderSchedule(area, linkExpiresAt, now)).toEqual({
      sendAfter: new Date(Date.parse(area.recruitment.closesAt) - savedApplicationRules.reminderDaysBeforeClose * DAY).toISOString(),
      notAfter: area.recruitment.closesAt,
      due: true,
    });
  });

  it('is held, never sendable, once that moment has passed: the instant it could be claimed it is stale', () => {
    const area = areaClosingIn(2);
    const held = savedReminderSchedule(area, linkExpiresAt, now);
    expect(held).toEqual({ sendAfter: area.recruitment.closesAt, notAfter: area.recruitment.closesAt, due: false });
    expect(isStale(held, new Date(held.sendAfter))).toBe(true);
  });

  it('is held to the end of the link when the link ends first', () => {
    const shortLink = new Date(now.getTime() + 5 * DAY).toISOString();
    expect(savedReminderSchedule(areaClosingIn(20), shortLink, now)).toEqual({ sendAfter: shortLink, notAfter: shortLink, due: false });
  });
});
