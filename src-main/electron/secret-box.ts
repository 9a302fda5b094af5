import { safeStorage } from 'electron';
import type { SecretBox } from '../services/secret-box';

/**
 * The secret box over Electron's safeStorage. On Linux without a keyring, safeStorage falls back
 * to "basic_text", a fixed key in Chromium's source: that is plain text by another name, so it
 * counts as unavailable and the key is not stored.
 */
export function electronSecretBox(): SecretBox {
  return {
    available: () => safeStorage.isEncryptionAvailable() && (process.platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text'),
    encrypt: (plainText) => safeStorage.encryptString(plainText),
    decrypt: (cipherText) => safeStorage.decryptString(cipherText),
  };
}
