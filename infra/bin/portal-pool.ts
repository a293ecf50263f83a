// The CDK app: `npx cdk synth|deploy -c portalUrl=… -c domainPrefix=…` (see infra/README.md).
import { App } from 'aws-cdk-lib';
import { ParameterError, readParameters } from '../lib/parameters.js';
import { PortalUserPoolStack } from '../lib/portal-user-pool-stack.js';

const app = new App();
try {
  const parameters = readParameters((key) => app.node.tryGetContext(key));
  const stackName = (app.node.tryGetContext('stackName') as string | undefined) ?? 'SecurityPortalUserPool';
  new PortalUserPoolStack(app, stackName, parameters, {
    // No env: one template for any account and region (the AWS profile's at deploy time), and
    // `cdk synth` needs no AWS account.
    description: `Amazon Cognito user pool for the account-security portal at ${parameters.portalUrl}`,
  });
} catch (error) {
  if (!(error instanceof ParameterError)) throw error;
  process.stderr.write(`\n${error.message}\n\n`);
  process.exit(1);
}
