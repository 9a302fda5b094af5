// Entry point of `npm run eval`; see src-main/analysis/evaluation/cli.ts for the options.
import { evalMain } from '../src-main/analysis/evaluation/cli';

process.exitCode = await evalMain(process.argv.slice(2));
