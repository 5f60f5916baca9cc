// Errors a user can cause outside the topology itself (bad flag, missing file, bad config).
// The CLI prints their message as one sentence and exits with `exitCode`; never a stack trace.

export class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 2,
  ) {
    super(message);
    this.name = 'UserError';
  }
}
