import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isLinkToken, linkSubjectOf, linkToken } from '@pip/domain';

const secret = () => randomBytes(32).toString('base64url');
const areaIds = fc.stringMatching(/^[a-z0-9]{1,12}(?:-[a-z0-9]{1,8}){0,3}$/u);
const references = fc.stringMatching(/^PIP-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/u);

describe('a link’s token', () => {
  it('names what it opens, and reads back as exactly that', () => {
    fc.assert(
      fc.property(areaIds, fc.option(references, { nil: undefined }), (areaId, applicationId) => {
        const token = linkToken(secret(), { areaId, ...(applicationId ? { applicationId } : {}) });
        expect(isLinkToken(token)).toBe(true);
        expect(linkSubjectOf(token)).toEqual({ areaId, ...(applicationId ? { applicationId } : {}) });
      }),
    );
  });

  it('made before tokens named anything, still opens and names nothing', () => {
    const old = secret();
    expect(isLinkToken(old)).toBe(true);
    expect(linkSubjectOf(old)).toBeUndefined();
  });

  it('leaves out a name that could not be read back from an address', () => {
    const token = linkToken(secret(), { areaId: 'leeds', applicationId: 'not a reference' });
    expect(linkSubjectOf(token)).toEqual({ areaId: 'leeds' });
  });

  it('is refused when it is anything else', () => {
    const whole = linkToken(secret(), { areaId: 'leeds', applicationId: 'PIP-ABCD-EFGH' });
    for (const broken of [whole.slice(1), `${whole}.more`, `${whole}.`, whole.replace('leeds', 'Leeds'), whole.replace('PIP-ABCD-EFGH', 'PIP-ABCD'), '', '../etc'])
      expect(isLinkToken(broken), broken).toBe(false);
  });
});
