// Residents' personal information in Chromium, through a real hub: a leader's device (its role
// lacks pii.read) is never sent a reporter's phone or address detail, and its demand drawer says
// 仅授权人员可见 where they would be; a community worker's device shows them.

import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { generateDemoStreet } from '#resources/demo/index';
import type { HubProcess } from '../integration/sync-support/processes';
import { demoAsOf, enrolledDevice, startSeededHub } from './hub';
import { screenshot } from './browser';

const COURTYARD = 'xg.gyj.gyj2';
let hub: HubProcess;

beforeAll(async () => {
  hub = await startSeededHub();
}, 180_000);

afterAll(async () => {
  await hub?.dispose();
});

async function openDemand(page: Page, title: string) {
  await page.goto(`${new URL(page.url()).origin}${new URL(page.url()).pathname}#/demands/${COURTYARD}`);
  await page.getByRole('heading', { name: '需求台账', level: 1 }).waitFor();
  await page.getByTestId('ledger-row').filter({ hasText: title }).first().click();
  const drawer = page.getByTestId('demand-drawer');
  await drawer.getByText(title).first().waitFor();
  return drawer;
}

it('withholds the reporter’s phone and address detail from a leader and says so; a worker sees them', async () => {
  const demo = generateDemoStreet({ seed: 1, now: demoAsOf(hub) as string, scale: 1 });
  const here = demo.demands.filter((d) => d.scope.startsWith(COURTYARD));
  // One the ledger shows near the top (newest first) and whose title names it alone.
  const demand = here
    .filter((d) => d.reporterPhone && d.addressDetail)
    .filter((d) => here.filter((o) => o.title.includes(d.title) || d.title.includes(o.title)).length === 1)
    .sort((a, b) => b.receivedAt.localeCompare(a.receivedAt))[0];
  expect(demand).toBeDefined();
  const { title, reporterPhone, addressDetail } = demand as Required<typeof demand & object>;

  const leader = await enrolledDevice(hub, '高原街2号院院长笔记本', COURTYARD, 'leader');
  const withheld = await openDemand(leader, title);
  await expect.poll(() => withheld.getByText('仅授权人员可见').count()).toBe(2);
  const shown = (await withheld.textContent()) ?? '';
  // Not even masked (139****0207): the device never had it.
  expect(shown).not.toContain(reporterPhone);
  expect(shown).not.toContain(`*${reporterPhone.slice(-4)}`);
  expect(shown).not.toContain(addressDetail);
  await screenshot(leader, 'pii-withheld-leader.png');

  const worker = await enrolledDevice(hub, '高原街社区议事厅电脑', 'xg.gyj');
  const full = await openDemand(worker, title);
  await full.getByText(reporterPhone).waitFor();
  await full.getByText(addressDetail).waitFor();
  expect(await full.getByText('仅授权人员可见').count()).toBe(0);
}, 600_000);
