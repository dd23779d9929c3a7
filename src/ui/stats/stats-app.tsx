/** `recall stats` on its own: the stats screen sized to the terminal, exiting on back. */
import { useApp } from 'ink';
import type { ReactElement } from 'react';
import type { StatsReport } from '../../stats/report.js';
import type { Paint } from '../paint.js';
import { StatsScreen } from '../stats-screen.js';
import { useTerminalSize } from '../use-terminal-size.js';

export interface StatsAppProps {
  readonly load: () => StatsReport;
  readonly paint: Paint;
}

function StatsApp({ load, paint }: StatsAppProps) {
  const { exit } = useApp();
  const size = useTerminalSize();
  return <StatsScreen load={load} size={size} paint={paint} onBack={() => exit()} />;
}

/** The element `runTui` renders for `recall stats`. */
export function statsApp(props: StatsAppProps): ReactElement {
  return <StatsApp {...props} />;
}
