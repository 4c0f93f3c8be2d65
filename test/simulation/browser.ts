import { randomBytes } from 'node:crypto';
import type { StaffProfile } from '@pip/domain';
import type { SimPlatform } from './sim-platform';

export interface RecordedResponse {
  step: number;
  method: string;
  path: string;
  status: number | 'interrupted';
}

export interface Answer {
  status: number;
  text: string;
  location: string | null;
}

/**
 * Every actor's browser: forms posted as application/x-www-form-urlencoded, staff with their session
 * and CSRF cookies. Every answer is recorded for the "no 5xx" invariant. A connection cut by a
 * restart is what a person sees as a failed page: they wait and press the button again, once.
 */
export class Browsers {
  readonly responses: RecordedResponse[] = [];
  step = 0;

  constructor(private readonly platform: SimPlatform) {}

  async request(method: string, path: string, init: { body?: string; type?: string; staff?: StaffProfile; bearer?: boolean } = {}): Promise<Answer> {
    for (let attempt = 0; ; attempt += 1) {
      await this.platform.ready();
      const csrf = randomBytes(12).toString('base64url');
      const headers: Record<string, string> = {};
      if (init.type) headers['content-type'] = init.type;
      if (init.staff && init.bearer) headers.authorization = this.platform.bearer(init.staff);
      else if (init.staff) headers.cookie = this.platform.staffCookie(init.staff, csrf);
      const body = init.body && init.staff && !init.bearer && init.type === FORM ? `${init.body}&csrfToken=${csrf}` : init.body;
      try {
        const started = performance.now();
        const response = await fetch(`${this.platform.url}${path}`, { method, headers, body, redirect: 'manual' });
        const text = await response.text();
        this.platform.profile?.add(`  (request) ${method} ${path.replace(/[\w-]{20,}|PIP-[\w-]+|\?.*$/gu, ':id')}`, performance.now() - started);
        this.responses.push({ step: this.step, method, path, status: response.status });
        return { status: response.status, text, location: response.headers.get('location') };
      } catch (error) {
        this.responses.push({ step: this.step, method, path, status: 'interrupted' });
        if (attempt >= 1) throw error;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
  }

  get(path: string, staff?: StaffProfile): Promise<Answer> {
    return this.request('GET', path, { staff });
  }

  post(path: string, fields: Record<string, string | string[]>, staff?: StaffProfile): Promise<Answer> {
    return this.request('POST', path, { body: formBody(fields), type: FORM, staff });
  }

  postJson(path: string, body: unknown): Promise<Answer> {
    return this.request('POST', path, { body: JSON.stringify(body), type: 'application/json' });
  }

  async staffJson<T>(path: string, staff: StaffProfile): Promise<T> {
    const answer = await this.request('GET', path, { staff, bearer: true });
    return JSON.parse(answer.text) as T;
  }
}

const FORM = 'application/x-www-form-urlencoded';

export function formBody(fields: Record<string, string | string[]>): string {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) for (const one of [value].flat()) body.append(name, one);
  return body.toString();
}
