/**
 * Encrypts small secrets (the language model's API key) with a key the operating system keeps:
 * Keychain on macOS, DPAPI on Windows, the Secret Service or KWallet on Linux. Implemented by
 * src-main/electron/secret-box.ts over Electron's safeStorage; tests use a double. Only the
 * ciphertext is ever stored.
 */
export interface SecretBox {
  /** False when no OS secret store is available: a key then cannot be stored at all (never in plain text). */
  available(): boolean;
  encrypt(plainText: string): Buffer;
  /** Throws when the ciphertext cannot be decrypted (another user, another machine, a reset keyring). */
  decrypt(cipherText: Buffer): string;
}

/** A box that can store nothing: the CLI and tools without an OS secret store. */
export const NO_SECRET_BOX: SecretBox = {
  available: () => false,
  encrypt: () => {
    throw new Error('No secret store is available in this process.');
  },
  decrypt: () => {
    throw new Error('No secret store is available in this process.');
  },
};
