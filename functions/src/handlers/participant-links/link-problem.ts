import { htmlResponse } from '../../kit/responses';
import { linkProblemPage, linkProblemStatus, type LinkProblem } from '../../pages/participation-pages';

/** A link that is not whole, not known or expired: its page, and nothing changed. */
export const linkProblem = (problem: LinkProblem) => htmlResponse(linkProblemStatus(problem), linkProblemPage(problem));
