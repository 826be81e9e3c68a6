/**
 * An error whose message is written for the person using SafeTake: what went wrong and what to do.
 * Anything else that escapes a service is a bug, and the user sees a generic message instead of a stack.
 */
export class UserError extends Error {
  constructor(
    message: string,
    readonly code: 'failed' | 'cancelled' | 'not-allowed' = 'failed',
  ) {
    super(message);
    this.name = 'UserError';
  }
}

export function isUserError(error: unknown): error is UserError {
  return error instanceof UserError;
}

/** What a thrown value says: its message if it is an Error (workers and libraries throw anything). */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
