/** The TTY check of the interactive commands, apart from the Ink modules so it costs nothing to load. */
import { UsageError } from '../errors.js';

/** Interactive commands need a terminal on both ends; scripts get the plain commands instead. */
export function requireTerminal(invocation: string): void {
  if (process.stdin.isTTY && process.stdout.isTTY) return;
  throw new UsageError(
    `${invocation} needs a terminal; in scripts use \`recall due\`, \`recall answer <card> <rating>\` and \`recall cards\``,
  );
}
