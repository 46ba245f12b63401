// The banner benchmark (scripts/widget-figures.sh): the same servers as the browser tests,
// the benchmark in ./bench. It prints figures; it is not part of the test command.
import { defineConfig } from '@playwright/test';
import base from './playwright.config';

export default defineConfig({
  ...base,
  testDir: './bench',
  testMatch: '*.bench.ts',
  timeout: 300_000,
});
