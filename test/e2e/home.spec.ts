import { expect, test } from '@playwright/test';

test('the home page shows that the API is reachable', async ({ page }) => {
  await page.goto(process.env.STRATA_WEB_URL ?? 'http://localhost:3000');
  await expect(page.getByRole('heading', { name: 'Strata' })).toBeVisible();
  const status = page.getByTestId('api-status');
  await expect(status).toHaveAttribute('data-reachable', 'true');
  await expect(status).toContainText('API reachable');
  await page.screenshot({ path: '.data/test-results/home.png' });
});
