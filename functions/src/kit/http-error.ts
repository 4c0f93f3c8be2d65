/** A refusal at the HTTP level (body too large, wrong content type, no valid sign-in, a stale form) rather than in the programme's rules. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}
