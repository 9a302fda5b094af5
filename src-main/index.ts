// Electron main entry: just the edge.
import { startApp } from './electron/main';

startApp();
