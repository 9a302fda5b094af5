import type { SourceLocation } from '../parsers/types';
import type { TextChunk } from '../runner/document-text';

/** Whitespace of any kind and length counts as one space; nothing else is forgiven. */
export function normalizeWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Quotes shorter than this match too much by chance ("Yes", "12") to prove anything. */
const MIN_QUOTE_CHARS = 8;

export interface GroundedQuote {
  /** The source's text at the match (whitespace normalised): what the evidence row stores. */
  quote: string;
  /** Where the match starts: the location of that paragraph, line or table row, not the model's claim. */
  location: SourceLocation;
}

/**
 * Finds quotes in the text a model was shown. A quote counts only if it occurs verbatim after
 * whitespace normalisation; it may run across pieces (a sentence wrapped over two PDF lines) and is
 * then located where it starts. The first occurrence wins, as a reader scanning the text would find.
 */
export class QuoteIndex {
  private readonly text: string;
  private readonly starts: number[] = [];

  constructor(private readonly chunks: readonly TextChunk[]) {
    const pieces: string[] = [];
    let offset = 0;
    for (const chunk of chunks) {
      const piece = normalizeWhitespace(chunk.text);
      this.starts.push(offset);
      pieces.push(piece);
      offset += piece.length + 1;
    }
    this.text = pieces.join(' ');
  }

  locate(modelQuote: string): GroundedQuote | null {
    const quote = stripWrappingQuotes(normalizeWhitespace(modelQuote));
    if (quote.length < MIN_QUOTE_CHARS) return null;
    const at = this.text.indexOf(quote);
    if (at < 0) return null;
    let index = 0;
    // Last piece starting at or before the match: few pieces per part, so a linear scan is plenty.
    while (index + 1 < this.starts.length && this.starts[index + 1]! <= at) index += 1;
    return { quote, location: { ...this.chunks[index]!.location } };
  }

  /** The whole text, normalised: what a subject's name must occur in. */
  get normalizedText(): string {
    return this.text;
  }
}

/** Models often wrap a quote in quotation marks; the marks are theirs, not the document's. */
function stripWrappingQuotes(quote: string): string {
  const m = /^(["“”'‘’«])(.*)(["“”'‘’»])$/s.exec(quote);
  return m?.[2] !== undefined ? m[2].trim() : quote;
}
