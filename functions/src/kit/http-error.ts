/** A refusal at the HTTP level (body too large, wrong content type) rather than in the programme's rules. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}
