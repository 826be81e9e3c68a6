/**
 * The corner check's detector figures as Settings shows them (backends, the last run of each model in ms).
 * Opening Settings ends the check, so a bench reads them once it has what it measured.
 */
import type { Page } from 'playwright-core';

export async function detectorStatsLine(page: Page): Promise<string> {
  await page.getByRole('tab', { name: 'Settings' }).click();
  return (await page.getByTestId('detector-stats').textContent()) ?? '';
}
