// Electron main entry: just the edge. (The layering rule's 'electron/*' pattern also matches this
// relative path to our own edge folder; the entry point is the one place allowed to import it.)
// eslint-disable-next-line no-restricted-imports
import { startApp } from './electron/main';

startApp();
