import { applicationAnswersSchema, publicEmailRules } from '@pip/domain';
import { toJSONSchema } from 'zod/mini';

const errorBody = {
  type: 'object',
  required: ['message'],
  properties: {
    message: { type: 'string' },
    errors: {
      type: 'array',
      items: {
        type: 'object',
        required: ['path', 'message'],
        properties: { path: { type: 'string', description: 'Dotted path of the field' }, message: { type: 'string' } },
      },
    },
  },
};

function withoutDialect(schema: Record<string, unknown>): Record<string, unknown> {
  const { $schema: _dialect, ...rest } = schema;
  return rest;
}

/** The API's description, generated from the same zod schema that validates it and renders the form. */
export function openApiDocument(): Record<string, unknown> {
  const answers = withoutDialect(toJSONSchema(applicationAnswersSchema, { io: 'input', unrepresentable: 'any' }));
  const json = (schemaRef: string) => ({ 'application/json': { schema: { $ref: schemaRef } } });
  return {
    openapi: '3.1.0',
    info: {
      title: 'Partnership Improvement Programme API',
      version: '1.0.0',
      description: 'Applications to join the programme in an area. Dates are ISO 8601 instants; people see them in UK time.',
    },
    paths: {
      '/api/areas/{areaId}/applications': {
        post: {
          summary: 'Apply to join the programme in an area',
          description:
            'An email address that has applied to the area already keeps its application unchanged: the answers sent are not stored, and the address is '
            + 'emailed its own link to see or change the application. Each address receives at most '
            + `${publicEmailRules.perAddressPerUkDay} emails a day from the public forms.`,
          parameters: [{ name: 'areaId', in: 'path', required: true, schema: { type: 'string' } }],
          requestBody: { required: true, content: json('#/components/schemas/ApplicationAnswers') },
          responses: {
            '201': { description: 'Application received', content: json('#/components/schemas/SubmissionResult') },
            '200': { description: 'The same answers sent again: nothing stored or sent', content: json('#/components/schemas/SubmissionResult') },
            '202': { description: 'The address has applied already: nothing stored, a link emailed to it', content: json('#/components/schemas/LinkSent') },
            '400': { description: 'Answers that need correcting, each with its field path', content: json('#/components/schemas/Error') },
            '404': { description: 'No such area', content: json('#/components/schemas/Error') },
            '409': { description: 'Applications for the area are not open', content: json('#/components/schemas/Error') },
            '413': { description: 'Body larger than 64 KB', content: json('#/components/schemas/Error') },
            '415': { description: 'Body is not application/json', content: json('#/components/schemas/Error') },
            '429': { description: 'The address has had its emails for today: nothing stored or sent', content: json('#/components/schemas/Error') },
          },
        },
      },
    },
    components: {
      schemas: {
        ApplicationAnswers: answers,
        SubmissionResult: {
          type: 'object',
          required: ['applicationId', 'outcome'],
          properties: {
            applicationId: { type: 'string', pattern: '^PIP-[0-9A-Z]{4}-[0-9A-Z]{4}$' },
            outcome: { type: 'string', enum: ['received', 'unchanged'] },
          },
        },
        LinkSent: {
          type: 'object',
          required: ['outcome', 'message'],
          properties: { outcome: { type: 'string', const: 'link-sent' }, message: { type: 'string' } },
        },
        Error: errorBody,
      },
    },
  };
}
