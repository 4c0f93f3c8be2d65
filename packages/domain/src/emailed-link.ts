/** Why a link from an email does not open: it is not whole or not known, or it has run out. */
export type LinkProblem = 'unknown' | 'expired';
