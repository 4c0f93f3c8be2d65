import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { RunningPlatform } from '@pip/local';
import { accessibilityViolations, launchBrowser } from '../support/browser';
import { emailsTo } from '../support/inbox';
import { startTestPlatform, uniqueEmail } from '../support/platform';

let platform: RunningPlatform;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  [platform, browser] = await Promise.all([startTestPlatform(), launchBrowser()]);
  page = await browser.newPage();
});
afterAll(async () => {
  await browser?.close();
  await platform?.stop();
});

async function expectNoAccessibilityViolations() {
  expect(await accessibilityViolations(page)).toEqual([]);
}

describe('an applicant applying for their area', () => {
  it('finds the area, makes a mistake, fixes it from the error summary and gets a reference', async () => {
    const email = uniqueEmail('journey');
    await page.goto(`${platform.url.replace('localhost', '127.0.0.1')}/apply`);
    await expectNoAccessibilityViolations();
    await page.getByRole('link', { name: 'Leeds', exact: true }).click();
    const heading = () => page.getByRole('heading', { level: 1 }).textContent();
    const summary = page.locator('.govuk-error-summary');
    expect(await heading()).toBe('About you');
    await expectNoAccessibilityViolations();

    // One page, one topic: a mistake is caught on its own page, from the error summary.
    await page.getByLabel('Full name', { exact: true }).fill('Amira <Okafor>');
    await page.getByLabel('Email address', { exact: true }).fill('amira-at-example.org');
    await page.getByRole('button', { name: 'Continue' }).click();
    expect(await summary.getByRole('heading').textContent()).toBe('There is a problem');
    expect(await page.title()).toMatch(/^Error: /u);
    expect(await summary.getByRole('listitem').allTextContents()).toEqual(['Enter an email address in the correct format, like name@example.org']);
    expect(await page.getByLabel('Full name', { exact: true }).inputValue()).toBe('Amira <Okafor>');
    await expectNoAccessibilityViolations();
    await summary.getByRole('link', { name: /email address in the correct format/u }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('email');
    await page.getByLabel('Email address', { exact: true }).fill(email);
    await page.getByRole('button', { name: 'Continue' }).click();

    expect(await heading()).toBe('Your role');
    await page.getByLabel('Organisation', { exact: true }).fill('Leeds Voluntary Action');
    await page.getByLabel('Job title', { exact: true }).fill('Chief Officer');
    await page.getByRole('group', { name: 'Which sector do you work in?' }).getByLabel('Voluntary and community sector').check();
    await page.getByRole('group', { name: 'What is your role level?' }).getByLabel('Chief executive or chief officer').check();
    await page.getByRole('button', { name: 'Continue' }).click();
    expect(await summary.getByRole('listitem').allTextContents()).toEqual(['Select what kind of organisation you work for']);
    await expectNoAccessibilityViolations();
    await page.getByRole('group', { name: 'What kind of organisation do you work for?' }).getByLabel('Local infrastructure organisation').check();
    await page.getByRole('button', { name: 'Continue' }).click();

    expect(await heading()).toBe('Your experience');
    await page.getByLabel('Your experience of cross-sector partnership').fill('I sit on the Local Strategic Partnership board.');
    await page.getByLabel('What do you want from the programme?').fill('Better commissioning conversations with the council.');
    await page.getByRole('button', { name: 'Continue' }).click();
    expect(await heading()).toBe('Taking part');
    await page.getByRole('group', { name: /four half-day workshops/u }).getByLabel('Yes').check();
    await page.getByRole('button', { name: 'Continue' }).click();

    expect(await heading()).toBe('Check your answers before sending your application');
    await expectNoAccessibilityViolations();
    expect(await emailsTo(email)).toHaveLength(0);
    const answers = page.locator('.govuk-summary-list');
    expect(await answers.locator('.govuk-summary-list__row', { hasText: 'Full name' }).locator('dd').first().textContent()).toBe('Amira <Okafor>');
    expect(await answers.locator('.govuk-summary-list__row', { hasText: 'Kind of organisation' }).locator('dd').first().textContent()).toBe(
      'Local infrastructure organisation',
    );

    await page.getByRole('button', { name: 'Change job title' }).click();
    expect(await heading()).toBe('Your role');
    expect(new URL(page.url()).hash).toBe('#jobTitle');
    expect(await page.getByLabel('Organisation', { exact: true }).inputValue()).toBe('Leeds Voluntary Action');
    await page.getByLabel('Job title', { exact: true }).fill('Chief Executive');
    await page.getByRole('button', { name: 'Continue' }).click();
    // Every other page is answered: back to the check page.
    expect(await answers.locator('.govuk-summary-list__row', { hasText: 'Job title' }).locator('dd').first().textContent()).toBe('Chief Executive');
    await page.getByLabel(/I have read the privacy notice/u).check();
    await page.getByRole('button', { name: 'Accept and send' }).click();

    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Application sent');
    const reference = await page.locator('.govuk-panel__body strong').textContent();
    expect(reference).toMatch(/^PIP-[0-9A-Z]{4}-[0-9A-Z]{4}$/u);
    await expectNoAccessibilityViolations();
    const emails = await emailsTo(email);
    expect(emails).toHaveLength(1);
    expect(emails[0]!.body.text).toContain(reference!);

    // Her own link shows what she sent, and lets her change it while applications are open.
    const link = /https?:\/\/\S+\/application\/[\w-]{43}(?:\.[\w-]+){0,2}/u.exec(emails[0]!.body.text ?? '')![0];
    await page.goto(link.replace('localhost', '127.0.0.1'));
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Your application');
    expect(await page.locator('.govuk-summary-list__row', { hasText: 'Job title' }).locator('dd').first().textContent()).toBe('Chief Executive');
    await expectNoAccessibilityViolations();
    await page.getByRole('link', { name: 'Change job title' }).click();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Change your application');
    await expectNoAccessibilityViolations();
    await page.getByLabel('Job title', { exact: true }).fill('Director of Communities');
    await page.getByRole('button', { name: 'Continue' }).click();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Check your answers before sending your changes');
    await expectNoAccessibilityViolations();
    await page.getByRole('button', { name: 'Accept and send' }).click();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Application updated');
    await expectNoAccessibilityViolations();
    expect((await emailsTo(email)).map((message) => message.subject.split(':')[0])).toEqual(['Application received', 'Application updated']);
  });

  it('reads the privacy notice and the closed-window page without accessibility violations', async () => {
    const base = platform.url.replace('localhost', '127.0.0.1');
    await page.goto(`${base}/privacy`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Privacy notice');
    await expectNoAccessibilityViolations();
    await page.goto(`${base}/apply/cumbria`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Applications for Cumbria have closed');
    await expectNoAccessibilityViolations();
  });
});
