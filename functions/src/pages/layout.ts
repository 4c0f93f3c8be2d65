import { html, type SafeHtml } from '@pip/html';
import { publicAssetsBase } from '../assets/govuk-assets';
import { button, formWithCsrf, twoThirds } from './components';
import type { StaffView } from './staff-view';

export const SERVICE_NAME = 'Partnership Improvement Programme';

export interface PageOptions {
  title: string;
  content: SafeHtml;
  /** Prefixes the title with "Error:" so screen reader users hear it first, per GOV.UK. */
  hasErrors?: boolean;
  backLink?: string;
  /** Present on staff pages: who is signed in, and the token their forms carry. */
  staff?: StaffView;
  /** Present on the reference group's pages: who is signed in, and the token their sign-out carries. */
  referenceGroup?: StaffView;
}

/** The GOV.UK Frontend page template, written out so that it needs no JavaScript or template engine. */
export function page(options: PageOptions): SafeHtml {
  // No "– GOV.UK" suffix and no crown: the programme's service is styled like GOV.UK but not on it.
  const title = `${options.hasErrors ? 'Error: ' : ''}${options.title} – ${SERVICE_NAME}`;
  const serviceName = `${SERVICE_NAME}${options.staff ? ' – staff' : options.referenceGroup ? ' – reference group' : ''}`;
  const assets = publicAssetsBase();
  return html`<!DOCTYPE html>
<html lang="en-GB" class="govuk-template">
<head>
<meta charset="utf-8">
<title>${title}</title>
<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
<meta name="theme-color" content="#0b0c0c">
<link rel="icon" sizes="48x48" href="${assets}/images/favicon.ico">
<link rel="stylesheet" href="${assets}/govuk-frontend.min.css">
</head>
<body class="govuk-template__body">
<a href="#main-content" class="govuk-skip-link">Skip to main content</a>
<header class="govuk-header" data-module="govuk-header">
<div class="govuk-header__container govuk-width-container">
<div class="govuk-header__content">
<a href="${options.staff ? '/staff' : options.referenceGroup ? '/reference' : '/apply'}" class="govuk-header__link govuk-header__service-name">${serviceName}</a>
</div>
${options.staff ? signedInHeader(staffMenu, options.staff) : options.referenceGroup ? signedInHeader(referenceGroupMenu, options.referenceGroup) : ''}
</div>
</header>
<div class="govuk-width-container">
<div class="govuk-phase-banner">
<p class="govuk-phase-banner__content"><strong class="govuk-tag govuk-phase-banner__content__tag">Beta</strong>
<span class="govuk-phase-banner__text">This is a new service. Contact the programme team if something does not work.</span></p>
</div>
${options.backLink ? html`<a href="${options.backLink}" class="govuk-back-link">Back</a>` : ''}
<main class="govuk-main-wrapper" id="main-content">
${options.content}
</main>
</div>
<footer class="govuk-footer">
<div class="govuk-width-container">
<div class="govuk-footer__meta">
<div class="govuk-footer__meta-item govuk-footer__meta-item--grow">
<h2 class="govuk-visually-hidden">Support links</h2>
<ul class="govuk-footer__inline-list">
<li class="govuk-footer__inline-list-item"><a class="govuk-footer__link" href="/privacy">Privacy notice</a></li>
</ul>
</div>
</div>
</div>
</footer>
</body>
</html>`;
}

/** The menu of someone signed in: their pages, who they are, and signing out by their own route. */
interface SignedInMenu {
  label: string;
  links: readonly { href: string; text: string }[];
  signOutAction: string;
}

const staffMenu: SignedInMenu = {
  label: 'Staff menu',
  links: [
    { href: '/staff', text: 'Programme overview' },
    { href: '/staff/profile', text: 'Your profile' },
    { href: '/staff/library', text: 'Library of action plans' },
  ],
  signOutAction: '/staff/sign-out',
};

/** The reference group signs out by a route of their own: they may use no staff route. */
const referenceGroupMenu: SignedInMenu = {
  label: 'Reference group menu',
  links: [{ href: '/reference', text: 'Reference group home' }],
  signOutAction: '/reference/sign-out',
};

function signedInHeader(menu: SignedInMenu, person: StaffView): SafeHtml {
  const signOut = formWithCsrf({
    action: menu.signOutAction,
    csrfToken: person.csrfToken,
    classes: 'pip-inline-form',
    content: button({ text: 'Sign out', classes: 'secondary', inline: true }),
  });
  return html`<nav aria-label="${menu.label}" class="govuk-header__navigation">
<ul class="govuk-header__navigation-list">
${menu.links.map((link) => html`<li class="govuk-header__navigation-item"><a class="govuk-header__link" href="${link.href}">${link.text}</a></li>`)}
<li class="govuk-header__navigation-item"><span class="govuk-header__link">Signed in as ${person.name}</span></li>
<li class="govuk-header__navigation-item">${signOut}</li>
</ul>
</nav>`;
}

/** A page that only says something: not found, closed, a problem. */
export function messagePage(title: string, paragraphs: (string | SafeHtml)[]): SafeHtml {
  return page({
    title,
    content: twoThirds(html`<h1 class="govuk-heading-l">${title}</h1>
${paragraphs.map((paragraph) => html`<p class="govuk-body">${paragraph}</p>`)}`),
  });
}
