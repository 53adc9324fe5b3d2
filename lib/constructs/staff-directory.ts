import { Duration, type RemovalPolicy } from 'aws-cdk-lib';
import {
  AccountRecovery,
  AdvancedSecurityMode,
  CfnUserPoolGroup,
  FeaturePlan,
  Mfa,
  UserPool,
  type UserPoolClient,
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';

export interface StaffDirectoryProps {
  readonly resourcePrefix: string;
  readonly removalPolicy: RemovalPolicy;
}

/** The bank's collections staff: a Cognito user pool with `agent` and `supervisor` groups, and the console's client. */
export class StaffDirectory extends Construct {
  readonly userPool: UserPool;
  readonly consoleClient: UserPoolClient;

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
    this.consoleClient = this.userPool.addClient('ConsoleClient', {
      authFlows: { userSrp: true },
      preventUserExistenceErrors: true,
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.hours(12),
    });
  }
}
