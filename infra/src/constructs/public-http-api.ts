import { HttpApi, HttpMethod, HttpRoute, HttpRouteKey } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { Route } from '@pip/functions/routes';
import { Construct } from 'constructs';

/**
 * The HTTP API. It exists before the functions, because staff sign-in needs its address, and gets
 * one route per entry of the route table once they do.
 */
export class PublicHttpApi extends Construct {
  readonly api: HttpApi;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.api = new HttpApi(this, 'api', { description: 'Partnership Improvement Programme' });
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
