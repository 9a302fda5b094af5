import { cleanText } from './sheets';

// Everything placed in the HTML report goes through `esc`: quotes, paths and titles come from the
// target's documents, which may be hostile.

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text made safe for HTML content and quoted attribute values (characters XML cannot carry dropped). */
export function esc(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  return cleanText(String(value)).replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}
