import type { EmailedLink, LinkPurpose, NewEmailedLink, Ports, LinkProblem } from '@pip/domain';

/** A whole token is 32 random bytes in base64url; anything else cannot be one of ours. */
const TOKEN = /^[\w-]{43}$/u;

/**
 * A new link for an email: 256 random bits in the address, stored only as their hash, with the
 * email in the same outbox transaction (`link` is what the outbox takes). The address follows from
 * the link's purpose, so a link cannot lead to a page that would not open it.
 */
export function newEmailedLink(ports: Pick<Ports, 'linkTokens' | 'links'>, link: EmailedLink): { url: string; link: NewEmailedLink } {
  const token = ports.linkTokens.newToken();
  const url = link.purpose === 'nomination' ? ports.links.applicationForm(link.areaId, token) : ports.links.personal(link.purpose, token);
  return { url, link: { token, link } };
}

export type OpenedLink<T extends EmailedLink = EmailedLink> = { problem: LinkProblem } | { problem?: undefined; token: string; link: T };

export type LinkPorts = Pick<Ports, 'emailedLinks' | 'clock'>;

/**
 * The link behind a token from an email, if it is whole, known, for one of these purposes and has
 * not expired. What went wrong is said without saying what exists.
 */
export async function openLink(ports: LinkPorts, token: string, purposes: readonly LinkPurpose[]): Promise<OpenedLink> {
  const link = TOKEN.test(token) ? await ports.emailedLinks.find(token) : undefined;
  if (!link || !purposes.includes(link.purpose)) return { problem: 'unknown' };
  if (Date.parse(link.expiresAt) <= ports.clock.now().getTime()) return { problem: 'expired' };
  return { token, link };
}

/** As `openLink`, for the links sent to one person: the link must name them. */
export async function openPersonalLink(ports: LinkPorts, token: string, purposes: readonly LinkPurpose[]): Promise<OpenedLink<EmailedLink & { applicationId: string }>> {
  const opened = await openLink(ports, token, purposes);
  if (opened.problem) return opened;
  const { link } = opened;
  if (!link.applicationId) return { problem: 'unknown' };
  return { token, link: { ...link, applicationId: link.applicationId } };
}
