// Rasterises build/icon.svg into the icon set electron-builder uses (committed, so packaging needs
// no step of its own): build/icon.png (1024 px; macOS derives its .icns from it), build/icons/
// NxN.png (Linux), and build/icon.ico (Windows; PNG-compressed entries 16–256 px).
// Rendering uses the Chromium the end-to-end tests use (CHROMIUM_PATH, default /usr/bin/chromium).
//
//   npx tsx scripts/build-icons.ts
import { chromium } from '@playwright/test';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const BUILD_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'build');
export const LINUX_SIZES = [16, 32, 48, 64, 128, 256, 512] as const;
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256] as const;

/** An .ico file whose entries are PNG images (supported since Windows Vista). */
export function buildIco(images: Array<{ size: number; png: Buffer }>): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  const entries: Buffer[] = [];
  let offset = 6 + 16 * images.length;
  for (const { size, png } of images) {
    const entry = Buffer.alloc(16);
    entry.writeUInt8(size >= 256 ? 0 : size, 0);
    entry.writeUInt8(size >= 256 ? 0 : size, 1);
    entry.writeUInt8(0, 2);
    entry.writeUInt8(0, 3);
    entry.writeUInt16LE(1, 4);
    entry.writeUInt16LE(32, 6);
    entry.writeUInt32LE(png.length, 8);
    entry.writeUInt32LE(offset, 12);
    entries.push(entry);
    offset += png.length;
  }
  return Buffer.concat([header, ...entries, ...images.map((i) => i.png)]);
}

async function main(): Promise<void> {
  const svg = readFileSync(path.join(BUILD_DIR, 'icon.svg'));
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const render = async (size: number): Promise<Buffer> => {
      const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
      const src = `data:image/svg+xml;base64,${svg.toString('base64')}`;
      await page.setContent(`<html><body style="margin:0;background:transparent"><img src="${src}" width="${size}" height="${size}" style="display:block"></body></html>`);
      await page.locator('img').evaluate((img: HTMLImageElement) => img.decode());
      const png = await page.screenshot({ omitBackground: true, type: 'png' });
      await page.close();
      return png;
    };
    mkdirSync(path.join(BUILD_DIR, 'icons'), { recursive: true });
    writeFileSync(path.join(BUILD_DIR, 'icon.png'), await render(1024));
    for (const size of LINUX_SIZES) writeFileSync(path.join(BUILD_DIR, 'icons', `${size}x${size}.png`), await render(size));
    const ico: Array<{ size: number; png: Buffer }> = [];
    for (const size of ICO_SIZES) ico.push({ size, png: await render(size) });
    writeFileSync(path.join(BUILD_DIR, 'icon.ico'), buildIco(ico));
    console.log(`Wrote build/icon.png, build/icons/{${LINUX_SIZES.join(',')}}, build/icon.ico`);
  } finally {
    await browser.close();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
