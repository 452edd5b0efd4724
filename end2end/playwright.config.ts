// Playwright drives Debian's chromium (no browser download) against a real hoering server that
// the config starts on a free port with a fresh SQLite file and the demo loaded.
import { defineConfig } from '@playwright/test';

// Workers inherit the environment, so the port chosen here is the same in every process.
process.env.HOERING_E2E_PORT ??= String(20000 + Math.floor(Math.random() * 20000));
const port = process.env.HOERING_E2E_PORT;
const database = `/tmp/hoering-e2e-${port}.db`;
// A real virus scanner beside the server (Debian's clamav-daemon, on a test signature).
process.env.HOERING_E2E_CLAMD_PORT ??= String(Number(port) + 1);
const clamdPort = process.env.HOERING_E2E_CLAMD_PORT;
const files = `/tmp/hoering-e2e-${port}-files`;
// A real OpenID Connect provider for staff sign-in (node-oidc-provider, server/tests/oidc).
process.env.HOERING_E2E_OIDC_PORT ??= String(Number(port) + 2);
const oidcPort = process.env.HOERING_E2E_OIDC_PORT;
// What ships: the release binary with the browser files embedded in it (`cargo leptos build
// --release --precompress`). Its site root is an empty folder, so a binary without embedded
// files fails every test instead of quietly serving a debug bundle from target/site.
// HOERING_E2E_BINARY=../target/debug/hoering runs the suite against a debug build instead.
const binary = process.env.HOERING_E2E_BINARY ?? '../target/release/hoering';
const siteRoot = process.env.HOERING_E2E_SITE_ROOT ??
  (binary.includes('/release/') ? `/tmp/hoering-e2e-${port}-no-site` : '../target/site');

export default defineConfig({
  testDir: './tests',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: 'da-DK',
    trace: 'off',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
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
  webServer: [{
    command: `./clamd.sh ${clamdPort}`,
    port: Number(clamdPort),
    timeout: 60_000,
    reuseExistingServer: false,
  }, {
    command: `node ../server/tests/oidc/provider.mjs ${oidcPort}`,
    port: Number(oidcPort),
    timeout: 60_000,
    reuseExistingServer: false,
  }, {
    command: `rm -rf ${database} ${database}-wal ${database}-shm ${files} && mkdir -p ${siteRoot} && ${binary} serve --demo`,
    url: `http://127.0.0.1:${port}/healthz`,
    timeout: 60_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    env: {
      HOERING_ADDR: `127.0.0.1:${port}`,
      HOERING_DATABASE_URL: `sqlite://${database}`,
      HOERING_SITE_ROOT: siteRoot,
      HOERING_LOG: 'warn',
      HOERING_CLAMD: `tcp://127.0.0.1:${clamdPort}`,
      HOERING_FILES: files,
      HOERING_OIDC_ISSUER: `http://127.0.0.1:${oidcPort}`,
      HOERING_OIDC_CLIENT_ID: 'hoering',
      HOERING_OIDC_CLIENT_SECRET: 'test-secret',
      HOERING_OIDC_NAME: 'Kommunens login',
      HOERING_OIDC_ROLES: 'hoering-admins=admin,hoering-clerks=clerk,ir-members=council:integrationsraadet',
    },
  }],
});
