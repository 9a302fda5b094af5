// electron-builder afterSign hook: submits the signed macOS app to Apple's notary service and
// staples the ticket. Credentials come from the environment only (CI secrets), never from files:
//   APPLE_API_KEY (path the CI wrote the .p8 key to), APPLE_API_KEY_ID, APPLE_API_ISSUER
//   or APPLE_ID, APPLE_APP_SPECIFIC_PASSWORD, APPLE_TEAM_ID
// Without credentials the hook skips notarisation with a notice, unless NOTARIZE_REQUIRED=1 (set by
// the release workflow for tagged builds), where a missing credential fails the build.
import path from 'node:path';

/**
 * The notarytool options for an app from the environment, or null when no complete set of
 * credentials is present. Pure: reads nothing but `env`.
 * @param {Record<string, string | undefined>} env
 * @param {string} appPath
 * @returns {{ tool: 'notarytool', appPath: string } & ({ appleApiKey: string, appleApiKeyId: string, appleApiIssuer: string } | { appleId: string, appleIdPassword: string, teamId: string }) | null}
 */
export function notarizeOptionsFromEnv(env, appPath) {
  if (env.APPLE_API_KEY && env.APPLE_API_KEY_ID && env.APPLE_API_ISSUER) {
    return { tool: 'notarytool', appPath, appleApiKey: env.APPLE_API_KEY, appleApiKeyId: env.APPLE_API_KEY_ID, appleApiIssuer: env.APPLE_API_ISSUER };
  }
  if (env.APPLE_ID && env.APPLE_APP_SPECIFIC_PASSWORD && env.APPLE_TEAM_ID) {
    return { tool: 'notarytool', appPath, appleId: env.APPLE_ID, appleIdPassword: env.APPLE_APP_SPECIFIC_PASSWORD, teamId: env.APPLE_TEAM_ID };
  }
  return null;
}

/**
 * @param {{ electronPlatformName: string, appOutDir: string, packager: { appInfo: { productFilename: string } } }} context
 * @param {Record<string, string | undefined>} [env]
 * @param {(options: object) => Promise<void>} [submit]
 * @returns {Promise<'skipped' | 'notarized'>}
 */
export default async function notarizeHook(context, env = process.env, submit) {
  if (context.electronPlatformName !== 'darwin') return 'skipped';
  const appPath = path.join(context.appOutDir, `${context.packager.appInfo.productFilename}.app`);
  const options = notarizeOptionsFromEnv(env, appPath);
  if (!options) {
    if (env.NOTARIZE_REQUIRED === '1') {
      throw new Error('Notarisation is required but no Apple credentials are set (APPLE_API_KEY/APPLE_API_KEY_ID/APPLE_API_ISSUER or APPLE_ID/APPLE_APP_SPECIFIC_PASSWORD/APPLE_TEAM_ID).');
    }
    console.log('  • notarisation skipped: no Apple credentials in the environment');
    return 'skipped';
  }
  const run = submit ?? (await import('@electron/notarize')).notarize;
  console.log(`  • notarising ${appPath}`);
  await run(options);
  return 'notarized';
}
