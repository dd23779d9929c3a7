/** A problem the user can fix (bad path, bad value): printed as one line, exit code 1. */
export class UserError extends Error {
  override name = 'UserError';
  readonly exitCode: number = 1;
}

/** A command line that does not parse: printed as one line, exit code 2. */
export class UsageError extends UserError {
  override name = 'UsageError';
  override readonly exitCode: number = 2;
}

/** Something wrong in one input file, reported with its place so the author can fix it. */
export interface Problem {
  readonly file: string;
  /** 1-based line, when the problem has one. */
  readonly line?: number;
  readonly message: string;
}

export function formatProblem(p: Problem): string {
  return `${p.file}${p.line ? `:${p.line}` : ''}: ${p.message}`;
}
