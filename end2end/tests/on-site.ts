// Helpers for pages of the customer's site (end2end/host-site.mjs) that embed the widget.
import { Browser, Page } from '@playwright/test';
import { expectAccessible } from './fixtures';

/** Waits until the widget has loaded its configuration and style. */
export async function settled(page: Page) {
  await page.locator('[data-consentry-banner][data-ready]').waitFor({ state: 'attached' });
}

/**
 * Runs axe-core on a page of the site. axe injects a style of its own, which the site's CSP
 * would (rightly) refuse, so it runs in a context without CSP; every other page keeps it.
 */
export async function expectAccessibleOnSite(browser: Browser, url: string, ready: (p: Page) => Promise<void>) {
  const context = await browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  await page.goto(url);
  await ready(page);
  await expectAccessible(page);
  await context.close();
}
