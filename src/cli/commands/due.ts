import { UserError } from '../../errors.js';
import type { GlobalOptions } from '../context.js';

export function run(_operands: string[], _options: unknown, _globals: GlobalOptions): void {
  throw new UserError('recall due is not available yet');
}
