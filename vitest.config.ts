import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/opruimen.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Far from UTC (UTC+14), where CI and most developers run: a date that takes in the machine's
    // time zone shows here. test/tijdzone.test.ts also runs commands under UTC and UTC−8.
    env: { TZ: 'Pacific/Kiritimati' },
  },
});
