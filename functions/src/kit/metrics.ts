import { Metrics } from '@aws-lambda-powertools/metrics';
import { platformLogger } from './log';
import { METRICS_NAMESPACE, SERVICE_NAME } from './metric-names';

let metrics: Metrics | undefined;

/**
 * The functions' one Powertools Metrics: what an invocation records is written as one embedded-metric-
 * format line when it ends (`publishMetrics`), with the single dimension `service`. Made on first use,
 * so that it reads the environment as the local platform sets it (POWERTOOLS_METRICS_DISABLED there:
 * EMF is for CloudWatch, not a terminal). Its own warnings go to the platform's log.
 */
export function platformMetricsOutput(): Metrics {
  metrics ??= new Metrics({ namespace: METRICS_NAMESPACE, serviceName: SERVICE_NAME, logger: platformLogger() });
  return metrics;
}

/**
 * Writes what this invocation recorded, if it recorded anything. Most requests record nothing, and
 * Powertools warns at every publish of nothing ("No application metrics to publish"), so nothing is
 * published then: a timed function that must report every run records its figure every run.
 */
export function publishMetrics(): void {
  if (metrics?.hasStoredMetrics()) metrics.publishStoredMetrics();
}
