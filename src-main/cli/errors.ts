/** A usage or input problem: printed as one clear line, exit code 2. `code` names it in --json output. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly code: string = 'bad_input',
  ) {
    super(message);
    this.name = 'CliError';
  }
}
