import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localStaff, type RunningPlatform } from '@pip/local';
import { startTestPlatform } from '../support/platform';
import { staffSession, type StaffSession } from '../support/staff-session';

let platform: RunningPlatform;
let sam: StaffSession;

const ukDate = (offsetDays: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(Date.now() + offsetDays * 86_400_000));

beforeAll(async () => {
  platform = await startTestPlatform();
  sam = staffSession(platform, localStaff[0]);
});
afterAll(() => platform?.stop());

describe('staff adding an area', () => {
  it('opens its recruitment: it appears for applicants and its audit log says who added it', async () => {
    const added = await sam.post('/staff/new-area', { name: 'Stoke-on-Trent', regionId: 'west-midlands', 'opens-date': ukDate(-1), 'opens-time': '09:00', 'closes-date': ukDate(30), 'closes-time': '17:00' });
    expect(added.status).toBe(303);
    expect(added.headers.get('location')).toBe('/staff/areas/stoke-on-trent');
    const apply = await (await fetch(`${platform.url.replace('localhost', '127.0.0.1')}/apply`)).text();
    expect(apply).toContain('href="/apply/stoke-on-trent">Stoke-on-Trent</a>');
    expect(await (await sam.get('/staff/areas/stoke-on-trent/timeline')).text()).toMatch(/Sam Rivers[\s\S]*Area added/u);
  });

  it('reads dates typed as day, month and year, and refuses 30 February by name', async () => {
    const parts = (name: string, iso: string) => {
      const [year, month, day] = iso.split('-');
      return { [`${name}-day`]: String(Number(day)), [`${name}-month`]: String(Number(month)), [`${name}-year`]: year! };
    };
    const added = await sam.post('/staff/new-area', { name: 'Wakefield', regionId: 'yorkshire-and-the-humber', ...parts('opens-date', ukDate(2)), 'opens-time': '09:00', ...parts('closes-date', ukDate(40)), 'closes-time': '17:00' });
    expect(added.status).toBe(303);
    expect(await (await sam.get('/staff/areas/wakefield')).text()).toContain(`Applications 9:00am on`);
    const impossible = await sam.post('/staff/new-area', { name: 'Calderdale', regionId: 'yorkshire-and-the-humber', 'opens-date-day': '30', 'opens-date-month': '2', 'opens-date-year': '2027', 'opens-time': '09:00', ...parts('closes-date', ukDate(40)), 'closes-time': '17:00' });
    expect(impossible.status).toBe(400);
    const page = await impossible.text();
    expect(page).toContain('<a href="#opens-date">The date applications open must be a real date</a>');
    expect(page).not.toContain('Enter when applications open');
    expect(page).toMatch(/id="opens-date" name="opens-date-day" type="text" inputmode="numeric" value="30"/u);
    expect(page).toMatch(/name="opens-date-month" type="text" inputmode="numeric" value="2"/u);
  });

  it('says which part of a window is missing: the date, or the time', async () => {
    const page = await (await sam.post('/staff/new-area', { name: 'Kirklees', regionId: 'yorkshire-and-the-humber', 'opens-date': '', 'opens-time': '09:00', 'closes-date': ukDate(40), 'closes-time': '25:99' })).text();
    expect(page).toContain('<a href="#opens-date">Enter the date applications open</a>');
    expect(page).toContain('<a href="#closes-time">Enter the time applications close, like 09:00</a>');
  });

  it('refuses the same area twice, and a window that is too short or already over, saying why', async () => {
    const again = await sam.post('/staff/new-area', { name: 'stoke on trent', regionId: 'west-midlands', 'opens-date': ukDate(1), 'opens-time': '09:00', 'closes-date': ukDate(30), 'closes-time': '17:00' });
    expect(again.status).toBe(409);
    expect(await again.text()).toContain('already exists');
    const short = await sam.post('/staff/new-area', { name: 'Wirral', regionId: '', 'opens-date': ukDate(1), 'opens-time': '09:00', 'closes-date': ukDate(3), 'closes-time': '17:00' });
    expect(short.status).toBe(400);
    const page = await short.text();
    expect(page).toContain('Select the region');
    expect(page).toContain('Applications must be open for at least a week');
    expect(page).toContain('value="Wirral"');
  });
});
