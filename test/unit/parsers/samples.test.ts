import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectKind } from '../../../src-main/analysis/parsers/index';
import { SAMPLES_DIR } from '../../support/paths';
import { allText, parseSample } from './sample-docs';

const documents = readdirSync(SAMPLES_DIR, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) => readdirSync(`${SAMPLES_DIR}/${d.name}`).map((file) => [d.name, file] as const))
  .filter(([, file]) => detectKind(file) !== null)
  .sort();

describe('every sample document', () => {
  it('is found', () => {
    expect(documents.length).toBeGreaterThanOrEqual(25);
  });

  for (const [folder, file] of documents) {
    it(`${folder}/${file}: parses to clean, single-line, located text, the same every time`, async () => {
      const doc = await parseSample(folder, file);
      expect(doc.blocks.length + doc.tables.length).toBeGreaterThan(0);
      const text = allText(doc);
      expect(text).not.toContain('filecite');
      // eslint-disable-next-line no-control-regex
      expect(text).not.toMatch(/[\uE000-\uF8FF\uFEFF\u0000-\u0008]/);
      expect(text).not.toMatch(/â€|Ã[\u0080-\u00bf]|ï»¿/);
      for (const block of doc.blocks) {
        expect(block.text).toBe(block.text.trim());
        expect(block.text).not.toMatch(/\s{2,}|\n/);
        // DOCX has no lines to cite (only the section); everything else cites a line or row.
        if (doc.kind !== 'docx') expect(block.location.line ?? block.location.row).toBeGreaterThan(0);
      }
      for (const table of doc.tables) {
        for (const row of table.rows) {
          expect(row.cells).toHaveLength(table.headers.length);
          for (const cell of row.cells) expect(cell).not.toMatch(/^\s|\s$|\n/);
        }
      }
      expect(await parseSample(folder, file)).toEqual(doc);
    });
  }
});
