import { Duration, type RemovalPolicy, Stack } from 'aws-cdk-lib';
import {
  AccountRecovery,
  AdvancedSecurityMode,
  CfnUserPoolGroup,
  FeaturePlan,
  Mfa,
  OAuthScope,
  UserPool,
  type UserPoolClient,
  type UserPoolDomain,
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';

export interface StaffDirectoryProps {
  readonly resourcePrefix: string;
  readonly removalPolicy: RemovalPolicy;
  /** Where the console lives: the hosted sign-in returns there. */
  readonly consoleUrl: string;
}

/** The bank's collections staff: a Cognito user pool with `agent` and `supervisor` groups, and the console's client. */
export class StaffDirectory extends Construct {
  /** What the console needs to sign staff in, for `/config.json`. */
  consoleAuth(region: string) {
    return {
      kind: 'cognito',
      domain: `${this.domain.domainName}.auth.${region}.amazoncognito.com`,
      clientId: this.consoleClient.userPoolClientId,
    };
  }

  readonly userPool: UserPool;
  readonly consoleClient: UserPoolClient;
  readonly domain: UserPoolDomain;

  constructor(scope: Construct, id: string, props: StaffDirectoryProps) {
    super(scope, id);
    this.userPool = new UserPool(this, 'UserPool', {
      userPoolName: `${props.resourcePrefix}-staff`,
      // Staff are created by an administrator, never by themselves.
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      mfa: Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      passwordPolicy: {
        minLength: 14,
        requireDigits: true,
        requireLowercase: true,
        requireUppercase: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      featurePlan: FeaturePlan.PLUS,
      advancedSecurityMode: AdvancedSecurityMode.ENFORCED,
      removalPolicy: props.removalPolicy,
    });
    for (const group of ['agent', 'supervisor']) {
      new CfnUserPoolGroup(this, `${group}Group`, {
        userPoolId: this.userPool.userPoolId,
        groupName: group,
        description:
          group === 'agent'
            ? 'Collections agents: the console.'
            : 'Supervisors: the console and the dashboard.',
      });
    }
    // The console signs in through the hosted UI (authorization code with PKCE): no password touches our pages.
    this.domain = this.userPool.addDomain('SignIn', {
      // Domain prefixes are global per region: the account id keeps ours ours.
      cognitoDomain: { domainPrefix: `${props.resourcePrefix}-${Stack.of(this).account}` },
    });
    this.consoleClient = this.userPool.addClient('ConsoleClient', {
      generateSecret: false,
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [OAuthScope.OPENID, OAuthScope.EMAIL],
        callbackUrls: [props.consoleUrl],
        logoutUrls: [props.consoleUrl],
      },
      preventUserExistenceErrors: true,
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.hours(12),
    });
  }
}
