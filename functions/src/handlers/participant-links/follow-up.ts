import { pathParameter } from '../../kit/event';
import type { RouteHandler } from '../../kit/http-handler';
import { readForm } from '../../kit/form';
import { htmlResponse } from '../../kit/responses';
import { platformPorts } from '../../composition-root';
import type { RouteKeyOf } from '../../routes';
import { followUpPage } from '../../pages/follow-up-pages';
import { answerFollowUpReview } from '../../use-cases/progress-reviews/answer-follow-up-review';
import { openFollowUpLink } from '../../use-cases/progress-reviews/follow-up-link';
import { linkProblem } from '../shared/link-problem';
import { notices } from '../shared/notices';

const ports = platformPorts();

/** What the page says once the participant's answer is saved (post, redirect, get). */
const done = notices({ saved: 'Thank you: your answer is saved. You can change it with the same link.' });

/** A participant says which dates of the follow-up review suit them, and later whether they will attend. */
export const followUpRoutes = {
  'GET /follow-up/{token}': async (event) => {
    const link = await openFollowUpLink(ports, pathParameter(event, 'token'));
    if (link.problem) return linkProblem(link.problem);
    return htmlResponse(200, followUpPage(link.area, link.name, link.review, link.answer, link.token, done.of(event)));
  },
  'POST /follow-up/{token}': async (event) => {
    const link = await openFollowUpLink(ports, pathParameter(event, 'token'));
    if (link.problem) return linkProblem(link.problem);
    await answerFollowUpReview(ports, link, readForm(event, { available: 'list', attending: 'text' }));
    // The page shows the answer as saved, read afresh: reloading it then sends nothing again.
    return done.redirect(`/follow-up/${encodeURIComponent(link.token)}`, 'saved');
  },
} satisfies Partial<Record<RouteKeyOf<'participant-links'>, RouteHandler>>;
