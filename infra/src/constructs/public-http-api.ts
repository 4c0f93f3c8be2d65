import { HttpApi, HttpMethod } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { Route } from '@pip/functions/routes';
import { Construct } from 'constructs';

export interface PublicHttpApiProps {
  routes: readonly Route[];
  functions: ReadonlyMap<string, IFunction>;
}

/** The HTTP API, one route per entry of the route table, each integrated with its function. */
export class PublicHttpApi extends Construct {
  readonly api: HttpApi;

  constructor(scope: Construct, id: string, props: PublicHttpApiProps) {
    super(scope, id);
    this.api = new HttpApi(this, 'api', { description: 'Partnership Improvement Programme' });
    const integrations = new Map<string, HttpLambdaIntegration>();
    for (const route of props.routes) {
      const fn = props.functions.get(route.function);
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
