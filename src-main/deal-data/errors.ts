/** A request the facade cannot serve, with a code the IPC layer passes on and a message for the user. */
export class DealDataError extends Error {
  constructor(
    readonly code: 'not_found' | 'conflict' | 'invalid_data_room' | 'unavailable' | 'database',
    message: string,
  ) {
    super(message);
    this.name = 'DealDataError';
  }
}

export function notFound(what: string): DealDataError {
  return new DealDataError('not_found', `${what} does not exist (it may have been archived).`);
}
