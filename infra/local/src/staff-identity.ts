import { createPrivateKey, createPublicKey, generateKeyPairSync, randomUUID, sign, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { REFERENCE_GROUP, STAFF_GROUP, type StaffProfile } from '@pip/domain';

export const LOCAL_STAFF_AUDIENCE = 'pip-local-staff';

/** Staff of the demo programme; they sign in locally without a password. */
export const localStaff: StaffProfile[] = [
  { staffId: 'local-staff-sam', name: 'Sam Rivers', email: 'sam.rivers@pip.localhost' },
  { staffId: 'local-staff-priya', name: 'Priya Shah', email: 'priya.shah@pip.localhost' },
  { staffId: 'local-staff-tom', name: 'Tom Okoro', email: 'tom.okoro@pip.localhost' },
];

/** Members of the demo programme's reference group, who sign in locally as staff do but see only the group's pages. */
export const localReferenceGroup: (StaffProfile & { role: string })[] = [
  { staffId: 'local-reference-morgan', name: 'Morgan Hale', email: 'morgan.hale@pip.localhost', role: 'Chief executive, national body' },
];

/** The groups a local person's token carries, as their Cognito groups would in AWS. */
export function localGroupsOf(staffId: string): string[] {
  return localReferenceGroup.some((member) => member.staffId === staffId) ? [REFERENCE_GROUP] : [STAFF_GROUP];
}

/**
 * Stands in for Cognito's user pool on this machine: issues ID tokens of the same shape, signed with
 * a key of its own, which the platform verifies with the same middleware it uses in AWS.
 */
export class LocalStaffIdentity {
  private readonly keyId = 'local-staff-key';

  private constructor(
    private readonly privateKey: KeyObject,
    readonly issuer: string,
  ) {}

  /** With `keyFile`, the key survives restarts so that signed-in staff stay signed in. */
  static create(issuer: string, keyFile?: string): LocalStaffIdentity {
    if (keyFile && existsSync(keyFile)) return new LocalStaffIdentity(createPrivateKey(readFileSync(keyFile, 'utf8')), issuer);
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    if (keyFile) {
      mkdirSync(dirname(keyFile), { recursive: true });
      writeFileSync(keyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
    }
    return new LocalStaffIdentity(privateKey, issuer);
  }

  jwks(): { keys: Record<string, unknown>[] } {
    const jwk = createPublicKey(this.privateKey).export({ format: 'jwk' });
    return { keys: [{ ...jwk, kid: this.keyId, alg: 'RS256', use: 'sig' }] };
  }

  issueIdToken(staff: StaffProfile, groups: string[] = [STAFF_GROUP], lifetimeSeconds = 3600): string {
    const now = Math.floor(Date.now() / 1000);
    const encode = (part: object) => Buffer.from(JSON.stringify(part)).toString('base64url');
    const header = encode({ alg: 'RS256', typ: 'JWT', kid: this.keyId });
    const payload = encode({
      sub: staff.staffId,
      iss: this.issuer,
      aud: LOCAL_STAFF_AUDIENCE,
      token_use: 'id',
      'cognito:groups': groups,
      name: staff.name,
      email: staff.email,
      iat: now,
      exp: now + lifetimeSeconds,
      jti: randomUUID(),
    });
    const signature = sign('RSA-SHA256', Buffer.from(`${header}.${payload}`), this.privateKey).toString('base64url');
    return `${header}.${payload}.${signature}`;
  }
}
