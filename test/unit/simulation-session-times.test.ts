import { describe, expect, it } from 'vitest';
import { sameTimes } from '../simulation/schedule-checks';

describe('the simulation comparing a session as staff and a lead see it', () => {
  it('finds the same day and times however each page words them', () => {
    expect(sameTimes('10:00am to 12:00pm on 8 May 2027', '8 May 2027, 10:00am to 12:00pm, with Fay Facilitator 0, online')).toBe(true);
  });

  it('tells another day, another time, or no booking shown', () => {
    expect(sameTimes('10:00am to 12:00pm on 9 May 2027', '8 May 2027, 10:00am to 12:00pm, with Fay')).toBe(false);
    expect(sameTimes('11:00am to 12:00pm on 8 May 2027', '8 May 2027, 10:00am to 12:00pm, with Fay')).toBe(false);
    expect(sameTimes('10:00am to 1:00pm on 8 May 2027', '8 May 2027, 10:00am to 12:00pm, with Fay')).toBe(false);
    expect(sameTimes('Not booked', 'Not booked')).toBe(false);
  });
});
