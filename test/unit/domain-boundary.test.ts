import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const domainSource = join(import.meta.dirname, '../../packages/domain/src');

describe('the domain package', () => {
  it('imports nothing from AWS, Lambda or middy', () => {
    const offending = readdirSync(domainSource, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.ts'))
      .filter((file) => /from '(@aws-sdk\/|aws-lambda|@middy\/|aws-cdk-lib)/u.test(readFileSync(join(domainSource, file), 'utf8')));
    expect(offending).toEqual([]);
  });
});
