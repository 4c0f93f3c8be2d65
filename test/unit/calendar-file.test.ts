import { describe, expect, it } from 'vitest';
import { calendarAttachment } from '@pip/mail';

const event = (name: string) => ({
  uid: 'workshop-1@pip',
  sequence: 2,
  title: 'Workshop 1',
  description: 'The first workshop',
  location: 'Town Hall; Room 2, Carlisle',
  startsAt: '2027-03-03T09:30:00.000Z',
  endsAt: '2027-03-03T13:00:00.000Z',
  attendee: { name, email: 'alex@example.org' },
  organiserMailbox: 'Programme team <team@example.org>',
});

/** The parameters of the ATTENDEE line, unfolded as RFC 5545 section 3.1 says. */
const attendeeLine = (ics: string) => ics.replace(/\r\n[ \t]/gu, '').split('\r\n').find((line) => line.startsWith('ATTENDEE'))!;

describe('a calendar file', () => {
  it('quotes an attendee name as RFC 5545 allows: no double quote inside a quoted parameter value', () => {
    const line = attendeeLine(calendarAttachment(event('Quote "x" Name')).ics);
    const cn = /CN=("[^"]*"|[^;:]*)[;:]/u.exec(line)?.[1];
    expect(cn).toBe(`"Quote 'x' Name"`);
  });

  it('keeps a name with the characters that need quoting (comma, semicolon, colon) in one quoted value', () => {
    const line = attendeeLine(calendarAttachment(event('Robinson, Mark; Lead: Cumbria')).ics);
    expect(line).toContain('CN="Robinson, Mark; Lead: Cumbria"');
  });
});
