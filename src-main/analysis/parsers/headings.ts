// Heading bookkeeping shared by the parsers that know headings (Markdown/text, DOCX, PDF).

import type { SourceLocation, TableBlock, TableRow, TextBlock, TextBlockKind } from './types';

interface OpenHeading {
  level: number;
  text: string;
}

/** Tracks the headings enclosing the current position, outermost first. */
export class HeadingTracker {
  private readonly open: OpenHeading[] = [];

  /** Texts of the open headings, outermost first. */
  path(): string[] {
    return this.open.map((h) => h.text);
  }

  /** The nearest heading, if any. */
  section(): string | undefined {
    return this.open[this.open.length - 1]?.text;
  }

  /**
   * Opens a heading of `level` (1 = outermost), closing any open heading of the same or a deeper
   * level. Returns the headings that enclose the new one.
   */
  enter(level: number, text: string): string[] {
    while (this.open.length > 0 && (this.open[this.open.length - 1]?.level ?? 0) >= level) this.open.pop();
    const enclosing = this.path();
    this.open.push({ level, text });
    return enclosing;
  }
}

/** A location with `section` set only when there is one (no `section: undefined` keys). */
export function located(location: SourceLocation, section: string | undefined): SourceLocation {
  return section === undefined ? location : { ...location, section };
}

/** Collects blocks and tables in document order while tracking headings. */
export class BlockSink {
  readonly blocks: TextBlock[] = [];
  readonly tables: TableBlock[] = [];
  readonly headings = new HeadingTracker();

  heading(level: number, text: string, location: SourceLocation): void {
    const headingPath = this.headings.enter(level, text);
    this.blocks.push({
      kind: 'heading',
      text,
      location: located(location, headingPath[headingPath.length - 1]),
      headingPath,
      level,
    });
  }

  text(kind: Exclude<TextBlockKind, 'heading'>, text: string, location: SourceLocation, level?: number): void {
    const block: TextBlock = {
      kind,
      text,
      location: located(location, this.headings.section()),
      headingPath: this.headings.path(),
    };
    if (level !== undefined) block.level = level;
    this.blocks.push(block);
  }

  table(headers: string[], rows: TableRow[], location: SourceLocation): void {
    this.tables.push({
      headers,
      rows,
      location: located(location, this.headings.section()),
      headingPath: this.headings.path(),
    });
  }

  /** Location for a table row under the current heading. */
  rowLocation(location: SourceLocation): SourceLocation {
    return located(location, this.headings.section());
  }
}

/** Pads a row with '' to `width` cells; extra non-empty cells are joined into the last one. */
export function alignCells(cells: string[], width: number): string[] {
  if (width <= 0) return [];
  if (cells.length <= width) return [...cells, ...Array<string>(width - cells.length).fill('')];
  const head = cells.slice(0, width - 1);
  const tail = cells.slice(width - 1).filter((c) => c !== '');
  return [...head, tail.join(' | ')];
}
