/** The stats screen: the report in tabs (overview, activity, forecast, chapters, calibration), scrolled inside. */
import { useMemo, useState } from 'react';
import type { StatsReport } from '../stats/report.js';
import { Frame } from './frame.js';
import type { Paint } from './paint.js';
import { bodyHeight, statsFrame } from './stats/stats-frame.js';
import { initialStatsState, statsReducer } from './stats/stats-state.js';
import { statsTabs } from './stats/stats-tabs.js';
import { useStatsKeys } from './stats/use-stats-keys.js';
import type { TerminalSize } from './terminal-size.js';
import { useSyncReducer } from './use-sync-reducer.js';

export interface StatsScreenProps {
  /** Computes the report; called once each time the screen opens, so it is current. */
  readonly load: () => StatsReport;
  readonly size: TerminalSize;
  readonly paint: Paint;
  readonly onBack: () => void;
  readonly isActive?: boolean;
}

export function StatsScreen({ load, size, paint, onBack, isActive = true }: StatsScreenProps) {
  const [report] = useState(load);
  // One row less than the terminal, so the last line's newline never scrolls it.
  const rows = size.rows - 1;
  const tabs = useMemo(() => statsTabs(report, size.columns, paint), [report, size.columns, paint]);
  const height = bodyHeight(rows);
  const reducer = useMemo(() => statsReducer(tabs.map((tab) => Math.max(0, tab.lines.length - height))), [tabs, height]);
  const [state, dispatch] = useSyncReducer(reducer, () => initialStatsState);
  useStatsKeys(dispatch, { page: Math.max(height - 1, 1), onBack, isActive });
  return <Frame lines={statsFrame(report, tabs, state, size.columns, rows, paint)} width={size.columns} />;
}
