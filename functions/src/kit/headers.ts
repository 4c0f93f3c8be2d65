import type { APIGatewayProxyEventV2 } from 'aws-lambda';

/**
 * A request header, by name in any case. Apart from `event.ts` so that the router, which reads
 * headers, does not bring the domain's identifier rules (and their schemas) into every cold start.
 */
export function header(event: Pick<APIGatewayProxyEventV2, 'headers'>, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(event.headers ?? {})) {
    if (key.toLowerCase() === wanted) return value;
  }
  return undefined;
}
