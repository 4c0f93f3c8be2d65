import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import {
  AccountRecovery,
  CfnUserPoolGroup,
  FeaturePlan,
  StandardThreatProtectionMode,
  Mfa,
  OAuthScope,
  UserPool,
  UserPoolClient,
  type UserPoolDomain,
} from 'aws-cdk-lib/aws-cognito';
import { REFERENCE_GROUP, STAFF_GROUP } from '@pip/domain';
import { Construct } from 'constructs';

export interface StaffIdentityProps {
  /** Where the platform is reached, to which Cognito returns staff after signing in or out. */
  platformUrl: string;
  /** The managed login's address is `https://<prefix>.auth.<region>.amazoncognito.com`; unique per region. */
  domainPrefix: string;
  /** Cognito's threat protection (adaptive authentication, compromised credentials): the Plus plan, at a price per user. */
  threatProtection: boolean;
}

/**
 * Programme staff and the reference group, nobody else: accounts are created by an administrator (no
 * self sign-up), must be in the staff group to use the console (or the reference group for its own
 * read-only pages), and sign in through Cognito's managed login with the authorisation code flow.
 * The platform verifies the ID tokens it returns.
 */
export class StaffIdentity extends Construct {
  readonly userPool: UserPool;
  readonly client: UserPoolClient;
  readonly domain: UserPoolDomain;

  constructor(scope: Construct, id: string, props: StaffIdentityProps) {
    super(scope, id);
    this.userPool = new UserPool(this, 'staff', {
      userPoolName: `${Stack.of(this).stackName}-staff`,
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      standardAttributes: { email: { required: true, mutable: true }, fullname: { required: true, mutable: true } },
      // Staff read special-category data (BME network membership): an authenticator app, always.
      mfa: Mfa.REQUIRED,
      mfaSecondFactor: { sms: false, otp: true },
      passwordPolicy: { minLength: 12, requireLowercase: true, requireUppercase: true, requireDigits: true, requireSymbols: true },
      deletionProtection: true,
      ...(props.threatProtection
        ? { featurePlan: FeaturePlan.PLUS, standardThreatProtectionMode: StandardThreatProtectionMode.FULL_FUNCTION }
        : { featurePlan: FeaturePlan.ESSENTIALS }),
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      // Staff accounts are people's identities: deleting the stack must not delete them.
      removalPolicy: RemovalPolicy.RETAIN,
    });
    if (!props.threatProtection) {
      Validations.of(this.userPool).acknowledge({
        id: 'AwsSolutions-COG8',
        reason: 'Threat protection needs the Plus feature plan, charged per staff member each month; a team opts in with -c staffThreatProtection=on. MFA is required either way.',
      });
    }
    new CfnUserPoolGroup(this, 'staff-group', {
      userPoolId: this.userPool.userPoolId,
      groupName: STAFF_GROUP,
      description: 'Programme team: may use the staff console',
    });
    // The same pool and sign-in as staff, so one verified token carries either group; each route says which it admits.
    new CfnUserPoolGroup(this, 'reference-group', {
      userPoolId: this.userPool.userPoolId,
      groupName: REFERENCE_GROUP,
      description: 'Reference group: may read published evaluation reports and the learning library, nothing else',
    });
    this.client = this.userPool.addClient('console', {
      generateSecret: false,
      authFlows: {},
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE],
        callbackUrls: [`${props.platformUrl}/staff/auth/callback`],
        logoutUrls: [`${props.platformUrl}/apply`],
      },
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      preventUserExistenceErrors: true,
    });
    this.domain = this.userPool.addDomain('sign-in', { cognitoDomain: { domainPrefix: props.domainPrefix } });
  }

  /** What the functions that verify staff tokens and send staff to sign in need to know. */
  environment(platformUrl: string): Record<string, string> {
    const base = this.domain.baseUrl();
    return {
      STAFF_ISSUER: this.userPool.userPoolProviderUrl,
      STAFF_AUDIENCE: this.client.userPoolClientId,
      COGNITO_DOMAIN: base,
      STAFF_SIGN_OUT_URL: `${base}/logout?client_id=${this.client.userPoolClientId}&logout_uri=${encodeURIComponent(`${platformUrl}/apply`)}`,
    };
  }
}
