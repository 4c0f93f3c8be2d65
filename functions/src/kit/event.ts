import { NotFoundError, identifierShapes } from '@pip/domain';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';

/** The API Gateway v2 event, with the body parsed by the body middleware when there is one. */
export type HttpEvent = APIGatewayProxyEventV2 & { parsedBody?: unknown };
export type HttpResult = APIGatewayProxyStructuredResultV2;
export type { APIGatewayProxyResultV2 };

/**
 * A parameter of the request's path. An area, application or region id that cannot be one is
 * refused here (404), before any store is asked, so no store sees a key it would reject.
 */
export function pathParameter(event: HttpEvent, name: string): string {
  const value = event.pathParameters?.[name] ?? '';
  const shape = identifierShapes[name];
  if (shape && !shape.fits(value)) throw new NotFoundError(shape.names);
  return value;
}

export { header } from './headers';
