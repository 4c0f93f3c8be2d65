import type { LinkProblem } from '@pip/domain';
import { htmlResponse } from '../../kit/responses';
import { linkProblemPage } from '../../pages/participation-pages';

/** A link that is not whole or not known (404), or that worked once and no longer does (410): its page, and nothing changed. */
export const linkProblem = (problem: LinkProblem) => htmlResponse(problem === 'unknown' ? 404 : 410, linkProblemPage(problem));
