import type { LinkProblem } from '@pip/domain';
import { htmlResponse } from '../../kit/responses';
import { linkProblemPage } from '../../pages/participation-pages';

/** A link that is not whole, not known (404) or has expired (410): its page, and nothing changed. */
export const linkProblem = (problem: LinkProblem) => htmlResponse(problem === 'expired' ? 410 : 404, linkProblemPage(problem));
