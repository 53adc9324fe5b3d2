import { Duration, Lazy, type RemovalPolicy, Stack } from 'aws-cdk-lib';
import {
  Distribution,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  PriceClass,
  ResponseHeadersPolicy,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct, type IConstruct } from 'constructs';
import { acknowledgeFinding } from '../nag';
import { contentSecurityPolicy } from '../security-headers';

export interface WebHostingProps {
  readonly webRoot: string;
  readonly removalPolicy: RemovalPolicy;
  readonly retainData: boolean;
}

/** The portal and console pages: a private bucket behind CloudFront, with access logs kept in a second bucket. */
export class WebHosting extends Construct {
  readonly distribution: Distribution;
  readonly responseHeaders: ResponseHeadersPolicy;
  private readonly bucket: Bucket;
  private readonly webRoot: string;
  /** Origins the pages may call besides their own (the API, the staff sign-in), set before synthesis. */
  private readonly connectTo: string[] = [];

  constructor(scope: Construct, id: string, props: WebHostingProps) {
    super(scope, id);
    this.webRoot = props.webRoot;
    const privateBucket = {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      removalPolicy: props.removalPolicy,
      autoDeleteObjects: !props.retainData,
    };
    const logs = new Bucket(this, 'AccessLogs', {
      ...privateBucket,
      // CloudFront standard logging writes with ACLs.
      objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ expiration: Duration.days(365) }],
    });
    this.bucket = new Bucket(this, 'Pages', {
      ...privateBucket,
      serverAccessLogsBucket: logs,
      serverAccessLogsPrefix: 'pages-bucket/',
    });
    // The same policy the local runtime sends (lib/security-headers.ts); the origins the pages call are only
    // known once the API and the sign-in exist, so the policy is written at synthesis.
    this.responseHeaders = new ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'Strict CSP (no inline script), no sniffing, no referrer, never framed, HTTPS only.',
      securityHeadersBehavior: {
        contentSecurityPolicy: {
          contentSecurityPolicy: Lazy.string({
            produce: () => contentSecurityPolicy({ connectTo: this.connectTo, https: true }),
          }),
          override: true,
        },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
        referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.NO_REFERRER, override: true },
        strictTransportSecurity: {
          accessControlMaxAge: Duration.days(365),
          includeSubdomains: true,
          override: true,
        },
      },
    });
    this.distribution = new Distribution(this, 'Distribution', {
      comment: 'Repayment portal and agent console',
      defaultRootObject: 'index.html',
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        responseHeadersPolicy: this.responseHeaders,
      },
      httpVersion: HttpVersion.HTTP2_AND_3,
      priceClass: PriceClass.PRICE_CLASS_100,
      enableLogging: true,
      logBucket: logs,
      logFilePrefix: 'distribution/',
    });
    acknowledgeFinding(
      this.distribution,
      'CFR1',
      'Customers of the lender may be abroad when they need to reach the portal; no country is excluded.',
    );
    acknowledgeFinding(
      this.distribution,
      'CFR2',
      "The distribution serves static pages only; the API it calls is throttled at API Gateway. WAF (us-east-1 only) is left to the bank's edge account.",
    );
    acknowledgeFinding(
      this.distribution,
      'CFR4',
      'Uses the default *.cloudfront.net certificate until the bank supplies its domain; with a custom certificate TLS 1.2 is enforced.',
    );
  }

  /** Lets the pages' scripts call `origin` (an `https://…` origin, wildcards allowed as CSP allows them). */
  allowConnectionsTo(origin: string): void {
    this.connectTo.push(origin);
  }

  /** Uploads the pages with the stage's runtime settings as `/config.json`, and refreshes the CDN. */
  deploy(config: Record<string, unknown>): void {
    new BucketDeployment(this, 'Deployment', {
      sources: [Source.asset(this.webRoot), Source.jsonData('config.json', config)],
      destinationBucket: this.bucket,
      distribution: this.distribution,
      distributionPaths: ['/*'],
      memoryLimit: 256,
    });
    this.acknowledgeDeploymentProvider();
  }

  /** BucketDeployment runs a CDK-owned singleton Lambda; its shape is not ours to change. */
  private acknowledgeDeploymentProvider(): void {
    const provider = Stack.of(this).node.children.find((child) =>
      child.node.id.startsWith('Custom::CDKBucketDeployment'),
    );
    if (!provider)
      throw new Error('BucketDeployment provider not found: cdk-nag acknowledgements would be lost.');
    const role = provider.node.findChild('ServiceRole');
    const policy: IConstruct = role.node.findChild('DefaultPolicy').node.defaultChild!;
    const cdkOwned = 'CDK-owned BucketDeployment provider';
    acknowledgeFinding(provider, 'L1', `${cdkOwned}: CDK chooses and upgrades its runtime.`);
    acknowledgeFinding(
      role.node.defaultChild!,
      'IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      `${cdkOwned}: CDK attaches the basic execution role for its logs.`,
    );
    for (const finding of [
      'IAM5[Action::s3:GetBucket*]',
      'IAM5[Action::s3:GetObject*]',
      'IAM5[Action::s3:List*]',
      'IAM5[Action::s3:Abort*]',
      'IAM5[Action::s3:DeleteObject*]',
      'IAM5[Resource::<WebPages5FDC1F78.Arn>/*]',
    ]) {
      acknowledgeFinding(
        policy,
        finding,
        `${cdkOwned}: copies the page assets into this stage's pages bucket only.`,
      );
    }
    acknowledgeFinding(
      policy,
      `IAM5[Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-<AWS::Region>/*]`,
      `${cdkOwned}: reads the uploaded asset zip from the CDK bootstrap bucket.`,
    );
    acknowledgeFinding(
      policy,
      'IAM5[Resource::*]',
      `${cdkOwned}: cloudfront:CreateInvalidation, granted by CDK on * for the cache refresh after upload.`,
    );
  }
}
