import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The floors of the house, from the bottom: the domain and its ports; storage, mail and html
 * beside each other; use cases; pages; the kit; handlers; and on top the two ways of running the
 * platform (the CDK app and the local platform). An import may only point down.
 */
const root = join(import.meta.dirname, '../..');

interface SourceFile {
  path: string;
  imports: string[];
  text: string;
}

function sourcesUnder(folder: string): SourceFile[] {
  const base = join(root, folder);
  return readdirSync(base, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts') && !file.includes('node_modules'))
    .map((file) => {
      const text = readFileSync(join(base, file), 'utf8');
      const imports = [...text.matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/gu)].map((match) => match[1]!);
      return { path: relative(root, join(base, file)), imports, text };
    });
}

/** The files under `folder` that import something matching `forbidden`, with what they import. */
function offending(folder: string, forbidden: RegExp): string[] {
  return sourcesUnder(folder).flatMap((file) => file.imports.filter((name) => forbidden.test(name)).map((name) => `${file.path} imports ${name}`));
}

const AWS = /^(@aws-sdk\/|aws-lambda|@middy\/|aws-cdk-lib|aws-jwt-verify)/u;

describe('the floors of the house', () => {
  it('keeps the domain free of AWS, Lambda and middy, and of every package above it', () => {
    expect(offending('packages/domain/src', AWS)).toEqual([]);
    expect(offending('packages/domain/src', /^@pip\//u)).toEqual([]);
  });

  it('lets nothing under packages/ import the functions, the CDK app or the local platform', () => {
    expect(offending('packages', /^@pip\/(functions|infra|local)|\/functions\/|\/infra\//u)).toEqual([]);
  });

  it('keeps the functions below the two ways of running them: no import of the CDK app or the local platform', () => {
    expect(offending('functions/src', /^@pip\/(infra|local)|\/infra\//u)).toEqual([]);
  });

  it('keeps storage, mail and html beside each other, none importing another', () => {
    expect(offending('packages/storage/src', /^@pip\/(mail|html)/u)).toEqual([]);
    expect(offending('packages/mail/src', /^@pip\/storage/u)).toEqual([]);
    expect(offending('packages/html/src', /^@pip\//u)).toEqual([]);
  });

  it('gives use cases their ports: no composition root, client, store class, environment, kit, page or handler', () => {
    expect(offending('functions/src/use-cases', /composition-root|\/kit\/|\/pages\/|\/handlers\/|\/adapters\/|^@pip\/storage/u)).toEqual([]);
    expect(offending('functions/src/use-cases', AWS)).toEqual([]);
    const reachingOut = sourcesUnder('functions/src/use-cases')
      .filter((file) => /process\.env|getPlatform|platformPorts|new \w+Client\(/u.test(file.text))
      .map((file) => file.path);
    expect(reachingOut).toEqual([]);
  });

  it('keeps pages at the edge: views of plain models, importing no use case, store, adapter or kit', () => {
    expect(offending('functions/src/pages', /\/use-cases\/|\/kit\/|\/handlers\/|\/adapters\/|composition-root|^@pip\/(storage|mail)/u)).toEqual([]);
    expect(offending('functions/src/pages', AWS)).toEqual([]);
  });

  it('keeps the kit below the pages and handlers: it is handed the error page, and builds no port', () => {
    expect(offending('functions/src/kit', /\/pages\/|\/handlers\/|\/use-cases\/|composition-root/u)).toEqual([]);
  });

  it('builds adapters in one place: only the composition root (and the top floor) names an adapter class', () => {
    const building = [...sourcesUnder('functions/src')]
      .filter((file) => !file.path.endsWith('composition-root.ts') && !file.path.includes('/composition/') && !file.path.includes('/adapters/'))
      .filter((file) => /new (Dynamo\w+Store|SesMailer|StepFunctionsControl|RouteTableLinks|\w+Client)\(/u.test(file.text))
      .map((file) => file.path);
    expect(building).toEqual([]);
  });

  it('keeps every handler file on a screen', () => {
    const long = sourcesUnder('functions/src/handlers')
      .filter((file) => file.text.split('\n').length > 90)
      .map((file) => `${file.path}: ${file.text.split('\n').length} lines`);
    expect(long).toEqual([]);
  });
});
