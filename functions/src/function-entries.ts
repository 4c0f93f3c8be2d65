import { fileURLToPath } from 'node:url';

/** Where each function's handler lives, for the CDK bundler and the local server alike. */
export function handlerEntry(functionName: string): string {
  return fileURLToPath(new URL(`./handlers/${functionName}.ts`, import.meta.url));
}
