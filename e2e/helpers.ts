import { readFileSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';

export interface ManifestEntry {
  id: string;
  title: string;
  provenance: string;
  default?: boolean;
}

/** The bundled gallery, read the way the app reads it. */
export const manifest: ManifestEntry[] = JSON.parse(
  readFileSync(new URL('../fixtures/manifest.json', import.meta.url), 'utf8'),
) as ManifestEntry[];

/** Collects console errors and uncaught exceptions of a page. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(err.message));
  return errors;
}

/**
 * Opens a fixture by hash and waits until its matrix (not a previous one) is drawn. Recorded
 * captures are whole-host listings of a few MB, parsed on the main thread for now: allow time.
 */
export async function openFixture(page: Page, id: string): Promise<void> {
  await page.goto(`/#src=${encodeURIComponent(id)}&view=matrix`);
  await expect(page.getByTestId('matrix')).toHaveAttribute('data-src', id, { timeout: 20_000 });
}

export interface GridCell {
  inode: number | undefined;
  scope: string | undefined;
  rowSpan: number;
}
export interface GridRow {
  id: string;
  sandbox: boolean;
  text: string;
  /** Namespace per type for this row, rowSpans resolved. */
  ns: Record<string, GridCell>;
}

/** Reads one pod table into rows × types, resolving rowSpan the way the browser lays it out. */
export async function readPodGrid(page: Page, tableIndex = 0): Promise<GridRow[]> {
  const table = page.getByTestId('matrix').locator('table').nth(tableIndex);
  return table.evaluate((el: HTMLTableElement) => {
    const types = [...el.tHead!.rows[0]!.cells].slice(1).map((c) => c.textContent!.trim());
    const rows = [...el.tBodies[0]!.rows];
    const out = rows.map((tr) => ({
      id: tr.dataset.containerId ?? '',
      sandbox: tr.dataset.sandbox === 'true',
      text: tr.cells[0]!.textContent ?? '',
      ns: {} as Record<
        string,
        { inode: number | undefined; scope: string | undefined; rowSpan: number }
      >,
    }));
    rows.forEach((tr, r) => {
      for (const td of [...tr.cells].slice(1)) {
        const type = td.dataset.nsType!;
        const cell = {
          inode: td.dataset.inode ? Number(td.dataset.inode) : undefined,
          scope: td.dataset.scope,
          rowSpan: td.rowSpan,
        };
        for (let k = 0; k < td.rowSpan && r + k < out.length; k++) out[r + k]!.ns[type] = cell;
      }
    });
    if (types.length !== 8) throw new Error(`expected 8 type columns, got ${types.join(',')}`);
    return out;
  });
}

/** Types in which a row's namespace is not the host's. */
export const nonHostTypes = (row: GridRow): string[] =>
  Object.entries(row.ns)
    .filter(([, c]) => c.scope !== undefined && c.scope !== 'host')
    .map(([t]) => t)
    .sort();
