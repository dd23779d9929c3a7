/** The stats report grouped into tabs, each a list of titled sections, as styled lines. */
import { statsSections, type SectionId } from '../../stats/sections.js';
import type { StatsReport } from '../../stats/report.js';
import type { Paint } from '../paint.js';
import { sanitizeLine } from '../sanitize.js';

export interface StatsTab {
  readonly name: string;
  readonly lines: readonly string[];
}

const TABS: readonly { readonly name: string; readonly sections: readonly SectionId[] }[] = [
  { name: 'Overview', sections: ['cards', 'retention'] },
  { name: 'Activity', sections: ['calendar', 'time'] },
  { name: 'Forecast', sections: ['forecast'] },
  { name: 'Chapters', sections: ['chapters'] },
  { name: 'Calibration', sections: ['calibration'] },
];

/** Sections drawn with blocks, which get colour (the shapes read without it). */
const CHARTS: ReadonlySet<SectionId> = new Set(['calendar', 'time', 'forecast']);
const BLOCKS = /[░▒▓█▁▂▃▄▅▆▇]+/g;

export function statsTabs(report: StatsReport, width: number, paint: Paint): StatsTab[] {
  const sections = new Map(statsSections(report, width).map((s) => [s.id, s]));
  return TABS.map(({ name, sections: ids }) => ({
    name,
    lines: ids.flatMap((id, i) => {
      const section = sections.get(id);
      if (!section) return [];
      // Deck and chapter names come from notes: they pass the sanitiser like all note text.
      const lines = section.lines.map(sanitizeLine);
      return [...(i > 0 ? [''] : []), paint.bold(section.title), ...(CHARTS.has(id) ? lines.map((l) => l.replace(BLOCKS, paint.good)) : lines)];
    }),
  }));
}
