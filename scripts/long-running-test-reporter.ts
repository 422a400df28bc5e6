import type { Reporter, TestCase, TestModule } from 'vitest/node';

/**
 * Names the test files still running once they have run for longer than any file should, and
 * the test inside each that has not finished — while the run goes on.
 *
 * Vitest's own reporter prints a file only when it ends, so a run that hangs prints nothing at
 * all about where: a CI run once sat silent until its time limit, with no way to tell which
 * file held it. With this, the log of such a run says which file and which test.
 */
const LONG_AFTER_MS = Number(process.env.HELI_TEST_LONG_AFTER_MS ?? 4 * 60_000);
const CHECK_EVERY_MS = 60_000;

export default class LongRunningTestReporter implements Reporter {
  private readonly modules = new Map<string, { startedAt: number; name: string }>();
  private readonly currentTest = new Map<string, { name: string; startedAt: number }>();
  private timer: NodeJS.Timeout | undefined;

  onTestRunStart(): void {
    this.timer = setInterval(() => this.report(), CHECK_EVERY_MS);
    // A reporter must never be what keeps the run alive.
    this.timer.unref();
  }

  onTestModuleStart(testModule: TestModule): void {
    this.modules.set(testModule.id, {
      startedAt: Date.now(),
      name: `${testModule.project.name} ${testModule.relativeModuleId}`,
    });
  }

  onTestCaseReady(testCase: TestCase): void {
    this.currentTest.set(testCase.module.id, { name: testCase.fullName, startedAt: Date.now() });
  }

  onTestCaseResult(testCase: TestCase): void {
    this.currentTest.delete(testCase.module.id);
  }

  onTestModuleEnd(testModule: TestModule): void {
    this.modules.delete(testModule.id);
    this.currentTest.delete(testModule.id);
  }

  onTestRunEnd(): void {
    clearInterval(this.timer);
  }

  private report(): void {
    const now = Date.now();
    for (const [id, module] of this.modules) {
      const runningMs = now - module.startedAt;
      if (runningMs < LONG_AFTER_MS) continue;
      const test = this.currentTest.get(id);
      const where = test
        ? `in "${test.name}" for ${Math.round((now - test.startedAt) / 1000)} s`
        : 'outside any test (loading, or a beforeAll/afterAll hook)';
      process.stderr.write(
        `\n[still running] ${module.name} after ${Math.round(runningMs / 1000)} s, ${where}\n`,
      );
    }
  }
}
