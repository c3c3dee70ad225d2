// After every browser test file: close any Chromium a timed-out test left open, so Jest can exit.
import { closeAllSessions } from './harness';

afterAll(async () => {
  await closeAllSessions();
});
