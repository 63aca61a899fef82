import type { Reporter, TestCase, TestResult } from '@playwright/test/reporter';

/**
 * Prints why each skipped test was skipped, beside the run's summary, so a CI log says
 * "skipped: Electron binary not installed on this machine …" instead of only "1 skipped".
 */
export default class SkipReasons implements Reporter {
  private readonly skipped: string[] = [];

  onTestEnd(test: TestCase, result: TestResult): void {
    if (result.status !== 'skipped') return;
    const reasons = test.annotations.filter((note) => note.type === 'skip' || note.type === 'fixme').map((note) => note.description ?? '(no reason given)');
    this.skipped.push(`  - ${test.titlePath().filter(Boolean).join(' › ')}: ${reasons.join('; ') || '(no reason given)'}`);
  }

  onEnd(): void {
    if (this.skipped.length === 0) return;
    console.log(`\nSkipped, and why:\n${this.skipped.join('\n')}\n`);
  }

  printsToStdio(): boolean {
    return true;
  }
}
