import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { describe, expect, it } from 'vitest';
import { addPlatformStacks, cdkJsonContext } from '@pip/infra/platform-app';
import { checkPlatform } from '@pip/infra/platform-checks';

interface ValidationReport {
  pluginReports: { summary: { pluginName: string; status: string }; violations: { ruleName: string; description: string; violatingResources: { constructPath: string }[] }[] }[];
}

/** Synthesizes the app with cdk-nag's packs and returns every finding that was not acknowledged. */
function findings(context: Record<string, string> = {}): string[] {
  const outdir = mkdtempSync(join(tmpdir(), 'pip-nag-'));
  const app = new App({
    outdir,
    context: { ...cdkJsonContext(), 'aws:cdk:bundling-stacks': [], '@aws-cdk/core:validationReportJson': true, mailFrom: 'programme@pip.example.org', ...context },
  });
  addPlatformStacks(app);
  checkPlatform(app);
  let failed: unknown;
  try {
    app.synth();
  } catch (error) {
    failed = error;
  }
  const reportFile = join(outdir, 'policy-validation-report.json');
  if (!existsSync(reportFile)) {
    if (failed) throw failed;
    return [];
  }
  const report = JSON.parse(readFileSync(reportFile, 'utf8')) as ValidationReport;
  return report.pluginReports.flatMap((plugin) =>
    plugin.violations.flatMap((violation) =>
      violation.violatingResources.map((resource) => `${violation.ruleName} ${resource.constructPath}`),
    ),
  );
}

describe('the stacks, as cdk-nag reads them', () => {
  it('have no finding left unacknowledged, firewall on', () => {
    expect(findings()).toEqual([]);
  });

  it('have no finding left unacknowledged with a custom domain and no firewall', () => {
    expect(findings({ domainName: 'pip.example.org.uk', certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/abc', edgeFirewall: 'off' })).toEqual([]);
  });
});
