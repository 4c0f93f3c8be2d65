import { HttpApi, HttpMethod } from 'aws-cdk-lib/aws-apigatewayv2';
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

  serve(routes: readonly Route[], functions: ReadonlyMap<string, IFunction>): void {
    const integrations = new Map<string, HttpLambdaIntegration>();
    for (const route of routes) {
      const fn = functions.get(route.function);
      if (!fn) throw new Error(`Route ${route.method} ${route.path} names unknown function ${route.function}`);
      let integration = integrations.get(route.function);
      if (!integration) {
        integration = new HttpLambdaIntegration(`${route.function}-integration`, fn);
        integrations.set(route.function, integration);
      }
      this.api.addRoutes({ path: route.path, methods: [HttpMethod[route.method]], integration });
    }
  }
}
