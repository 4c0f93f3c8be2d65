/**
 * Why a link from an email does not open: it is not whole or not known, it has run out, or it was
 * for a member of a group its holder has since left.
 */
export type LinkProblem = 'unknown' | 'expired' | 'left-group';
