/** The renderer's Content-Security-Policy: only our own files; no inline or eval'd script; no remote content. */
export const RENDERER_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "frame-src 'none'",
  "object-src 'none'",
].join('; ');

/** The scheme and host the packaged renderer is served from (a privileged, standard scheme). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'renderer';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/**
 * Whether an IPC sender (its frame URL) is our renderer: the app:// origin, or in development the
 * electron-vite dev server's origin. Anything else (a navigated frame, a data: URL…) is refused.
 */
export function isTrustedRendererUrl(url: string | null, devServerUrl?: string): boolean {
  if (!url) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST) return true;
  if (devServerUrl) {
    try {
      return parsed.origin === new URL(devServerUrl).origin && (parsed.hostname === 'localhost' || parsed.hostname === '127.0.0.1');
    } catch {
      return false;
    }
  }
  return false;
}
