// Every browser test file: a failed browser test runs once more (its first failure is printed, so
// a flaky step stays visible in the log), and any Chromium a timed-out test left open is closed
// after the file, so Jest can exit.
import { closeAllSessions } from './harness';

jest.retryTimes(1, { logErrorsBeforeRetry: true });

afterAll(async () => {
  await closeAllSessions();
});
