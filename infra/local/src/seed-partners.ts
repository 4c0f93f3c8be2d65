import { createHash } from 'node:crypto';
import { nationalBodies, nominatingBodies, partnerLinkToken, type NationalBody, type StaffProfile } from '@pip/domain';
import { RouteTableLinks } from '@pip/functions/adapters/platform-links';
import { issuePartnerLink } from '@pip/functions/use-cases/recruitment/issue-partner-link';
import { openPartnerLink } from '@pip/functions/use-cases/recruitment/partner-link';
import type { DynamoAreaStore, DynamoPartnerStore } from '@pip/storage';

/**
 * A demo partner's token, the same at every start so that the banner can print its link (only the
 * hash is stored). Guessable by design: this is the local platform's demo data, never AWS's.
 */
const demoToken = (body: NationalBody) => createHash('sha256').update(`pip-local-demo-partner-${body}`).digest('base64url').slice(0, 43);

/**
 * One partner per national body, each issued its nomination link by a demo staff member, as staff
 * would on the partners page. Idempotent: a partner already there is left as it is, even if staff
 * withdrew its link since. Gives back the demo links that still work, for the local banner.
 */
export async function seedDemoPartners(
  stores: { areas: DynamoAreaStore; partners: DynamoPartnerStore },
  issuer: StaffProfile,
  baseUrl: string,
): Promise<{ organisation: string; url: string }[]> {
  const links = new RouteTableLinks(baseUrl);
  const working: { organisation: string; url: string }[] = [];
  for (const body of nationalBodies) {
    const secret = demoToken(body);
    const ports = { ...stores, clock: { now: () => new Date() } };
    if (!(await stores.partners.get(body))) {
      const contact = { contactName: `${nominatingBodies[body]} demo contact`, contactEmail: `nominations@${body}.example.org` };
      const issuing = { ...ports, links, linkTokens: { newToken: () => secret }, log: () => undefined };
      await issuePartnerLink(issuing, { kind: body, ...contact }, { staffId: issuer.staffId, name: issuer.name });
    }
    // Issued as links are now (naming the partner), or, in data kept from before, as the secret alone.
    for (const token of [partnerLinkToken(secret, body), secret]) {
      if ((await openPartnerLink(ports, token)).problem) continue;
      working.push({ organisation: nominatingBodies[body], url: links.nominationForm(token) });
      break;
    }
  }
  return working;
}
