import { Validations } from 'aws-cdk-lib';
import { CfnStage, HttpApi, HttpMethod, HttpRoute, HttpRouteKey } from 'aws-cdk-lib/aws-apigatewayv2';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { Route } from '@pip/functions/routes';
import { Construct } from 'constructs';

/** A few thousand applicants over three years: these leave room for a busy closing day, not for a flood. */
export const publicApiLimits = { requestsPerSecond: 25, burst: 50 } as const;

/**
 * The HTTP API. It exists before the functions, because staff sign-in needs its address, and gets
 * one route per entry of the route table once they do.
 */
export class PublicHttpApi extends Construct {
  readonly api: HttpApi;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.api = new HttpApi(this, 'api', { description: 'Partnership Improvement Programme' });
    Validations.of(this).acknowledge({
      id: 'AwsSolutions-APIG4',
      reason:
        'Public routes (the application form, emailed links) are open by design. Staff routes are authorised inside their function, by aws-jwt-verify on the Cognito ID token in a cookie, deny by default from the route table: pages use cookies, which API Gateway authorisers do not read with CSRF protection.',
    });
    const accessLogs = new LogGroup(this, 'access-logs', { retention: RetentionDays.THREE_MONTHS });
    const stage = this.api.defaultStage!.node.defaultChild as CfnStage;
    // A floor under any edge protection: public forms cannot be posted faster than this, whoever posts.
    stage.defaultRouteSettings = { throttlingRateLimit: publicApiLimits.requestsPerSecond, throttlingBurstLimit: publicApiLimits.burst };
    stage.accessLogSettings = {
      destinationArn: accessLogs.logGroupArn,
      format: JSON.stringify({
        requestId: '$context.requestId',
        ip: '$context.identity.sourceIp',
        time: '$context.requestTime',
        route: '$context.routeKey',
        status: '$context.status',
        latency: '$context.responseLatency',
        error: '$context.integrationErrorMessage',
      }),
    };
  }

  get url(): string {
    return this.api.apiEndpoint;
  }

  /** One route per entry of the route table, and a `$default` route for every other request. */
  serve(routes: readonly Route[], unmatchedRequestsFunction: string, functions: ReadonlyMap<string, IFunction>): void {
    const integrations = new Map<string, HttpLambdaIntegration>();
    const integrationFor = (name: string, what: string): HttpLambdaIntegration => {
      const fn = functions.get(name);
      if (!fn) throw new Error(`${what} names unknown function ${name}`);
      let integration = integrations.get(name);
      if (!integration) {
        integration = new HttpLambdaIntegration(`${name}-integration`, fn);
        integrations.set(name, integration);
      }
      return integration;
    };
    for (const route of routes) {
      this.api.addRoutes({ path: route.path, methods: [HttpMethod[route.method]], integration: integrationFor(route.function, `Route ${route.method} ${route.path}`) });
    }
    new HttpRoute(this, 'unmatched', {
      httpApi: this.api,
      routeKey: HttpRouteKey.DEFAULT,
      integration: integrationFor(unmatchedRequestsFunction, 'The $default route'),
    });
  }
}
