// Types of scripts/notarize.mjs (an electron-builder hook, so plain JavaScript).
export type NotarizeOptions = { tool: 'notarytool'; appPath: string } & (
  | { appleApiKey: string; appleApiKeyId: string; appleApiIssuer: string }
  | { appleId: string; appleIdPassword: string; teamId: string }
);

export interface AfterSignContext {
  electronPlatformName: string;
  appOutDir: string;
  packager: { appInfo: { productFilename: string } };
}

export function notarizeOptionsFromEnv(env: Record<string, string | undefined>, appPath: string): NotarizeOptions | null;

export default function notarizeHook(
  context: AfterSignContext,
  env?: Record<string, string | undefined>,
  submit?: (options: NotarizeOptions) => Promise<void>,
): Promise<'skipped' | 'notarized'>;
