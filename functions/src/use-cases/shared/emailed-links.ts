import { isLinkToken, linkSubjectOf, linkToken, type EmailedLink, type LinkPurpose, type NewEmailedLink, type Ports, type LinkProblem } from '@pip/domain';

/**
 * A new link for an email: 256 random bits in the address with what the link opens (`linkToken`),
 * stored only as the hash of both, with the email in the same outbox transaction (`link` is what the
 * outbox takes). The address follows from the link's purpose, so a link cannot lead to a page that
 * would not open it.
 */
export function newEmailedLink(ports: Pick<Ports, 'linkTokens' | 'links'>, link: EmailedLink): { url: string; link: NewEmailedLink } {
  const token = linkToken(ports.linkTokens.newToken(), { areaId: link.areaId, ...(link.applicationId ? { applicationId: link.applicationId } : {}) });
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
  const link = isLinkToken(token) ? await ports.emailedLinks.find(token) : undefined;
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

export type OpenedPersonalLinkWith<T> = { problem: LinkProblem } | { problem?: undefined; token: string; link: EmailedLink & { applicationId: string }; read: T };

/**
 * As `openPersonalLink`, with what the page reads for the link's area and person (`read`): begun
 * beside the link's own read when the token names them, so both take one round trip; after it, for
 * a token that names nothing. What was read for a token that turns out to be no link is dropped unseen.
 */
export async function openPersonalLinkWith<T>(
  ports: LinkPorts,
  token: string,
  purposes: readonly LinkPurpose[],
  read: (areaId: string, applicationId: string) => Promise<T>,
): Promise<OpenedPersonalLinkWith<T>> {
  const named = linkSubjectOf(token);
  const early = named?.applicationId ? read(named.areaId, named.applicationId) : undefined;
  // Settled either way before anyone awaits it, so a read for a token that is no link fails quietly.
  early?.catch(() => undefined);
  const opened = await openPersonalLink(ports, token, purposes);
  if (opened.problem) return opened;
  const { link } = opened;
  const readEarly = early && named?.areaId === link.areaId && named.applicationId === link.applicationId;
  return { ...opened, read: await (readEarly ? early : read(link.areaId, link.applicationId)) };
}
