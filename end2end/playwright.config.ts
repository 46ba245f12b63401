// Playwright drives Debian's Chromium against the real server serving the real built app.
// scripts/test.sh builds both, picks free ports and a temporary database, and sets the
// variables read here. Mail goes to a real SMTP server (aiosmtpd) the tests read.
import { defineConfig } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 18080);
const bin = process.env.CONSENTRY_BIN ?? '../target/debug/consentry';
const dataDir = process.env.E2E_DATA_DIR ?? '/tmp/consentry-e2e';
const smtpPort = Number(process.env.E2E_SMTP_PORT ?? 18025);
// The customer's site embedding the widget, on another origin (see host-site.mjs).
const hostPort = Number(process.env.E2E_HOST_PORT ?? 18081);
// Debian's interpreter has the aiosmtpd package; a pyenv or venv python may not.
const python = process.env.CONSENTRY_TEST_PYTHON ?? '/usr/bin/python3';

export default defineConfig({
  testDir: './tests',
  // One server, one database: the admin journey builds on itself, so run in order.
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: [['list']],
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: [
    {
      // A real SMTP server: every message Consentry sends lands in a maildir the tests read;
      // while `${dataDir}/refuse` holds an SMTP reply, it answers every message with it instead
      // (scripts/smtp_sink.py), as a mail server refusing them would.
      command: `${python} -m aiosmtpd -n -l 127.0.0.1:${smtpPort} -c smtp_sink.Sink ${dataDir}/mail`,
      port: smtpPort,
      reuseExistingServer: false,
      timeout: 30_000,
      env: { PYTHONPATH: '../scripts' },
    },
    {
      command: 'node host-site.mjs',
      url: `http://127.0.0.1:${hostPort}/health`,
      reuseExistingServer: false,
      timeout: 30_000,
      env: {
        E2E_HOST_PORT: String(hostPort),
        E2E_CONSENTRY_ORIGIN: `http://127.0.0.1:${port}`,
        E2E_PEERS_DIR: process.env.E2E_PEERS_DIR ?? '',
      },
    },
    {
      command: `${bin} serve`,
      url: `http://127.0.0.1:${port}/api/health`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'pipe',
      env: {
        CONSENTRY__SERVER__PORT: String(port),
        CONSENTRY__SERVER__HOST: '127.0.0.1',
        CONSENTRY__SERVER__DIST_DIR: process.env.E2E_DIST_DIR ?? '../dist',
        CONSENTRY__DATABASE__URL: `sqlite://${dataDir}/e2e.db`,
        CONSENTRY__MAIL__SMTP_HOST: '127.0.0.1',
        CONSENTRY__MAIL__SMTP_PORT: String(smtpPort),
        CONSENTRY__MAIL__SECURITY: 'none',
        CONSENTRY__MAIL__FROM: 'Acme privacy <privacy@acme.example>',
        // A message the mail server does not take now is tried again a second later.
        CONSENTRY__MAIL__FIRST_RETRY_SECONDS: '1',
        // The webhook test's receiver listens on plain http on this machine.
        CONSENTRY__WEBHOOKS__ALLOW_PRIVATE_TARGETS: 'true',
        CONSENTRY_LOG: 'warn',
      },
    },
  ],
});
