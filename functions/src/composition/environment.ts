import type { SesConfig } from '@pip/mail';

/**
 * What every part of the composition reads from the environment, which the CDK stack sets in AWS
 * and the local platform sets on this machine.
 */
export function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`Environment variable ${name} is not set`);
  return value;
}

/** Hands an AWS client to X-Ray tracing as it is made, where the function's bundle traces them. */
export type Instrument = <C extends object>(client: C) => C;

/** The factories of some of an object's properties, each called on the property's first read. */
export type Factories<T> = { [K in keyof T]: () => T[K] };

/** An object whose every property is made by its factory on first read, and kept. */
export function lazily<T extends object>(factories: Factories<T>): T {
  const made: Partial<T> = {};
  const ports = {} as T;
  for (const key of Object.keys(factories) as (keyof T)[]) {
    Object.defineProperty(ports, key, { enumerable: true, get: () => (made[key] ??= factories[key]()) });
  }
  return ports;
}

/**
 * The factory of a port this function's bundle does not hold, because the route table does not let
 * the function do what the port does (IAM would refuse it the call in AWS): reading it says so.
 */
export function notGranted<T>(port: string, access: string): () => T {
  return () => {
    throw new Error(`${port} is not in this function's bundle: the route table does not give the function ${access}`);
  };
}

export const awsRegion = (): string | undefined => process.env.AWS_REGION;

/** The email service: the local endpoint on this machine, SES in AWS, with the configuration set that reports back. */
export function sesConfig(instrument: Instrument | undefined): SesConfig {
  return {
    endpoint: process.env.SES_ENDPOINT,
    region: awsRegion(),
    from: required('MAIL_FROM'),
    configurationSet: process.env.SES_CONFIGURATION_SET,
    ...(instrument ? { instrument } : {}),
  };
}
