import type { RouteHandler } from '../../kit/http-handler';
import { jsonResponse } from '../../kit/responses';
import { openApiDocument } from '../../openapi';

/** GET /api/openapi.json: the API's OpenAPI document. */
export const showOpenApiDocument: RouteHandler = () => jsonResponse(200, openApiDocument());
