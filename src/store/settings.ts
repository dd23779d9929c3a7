/** Settings: their type and defaults (DESIGN.md, "Where things live on disk"). */

export type NewOrder = 'notes' | 'random';
export type LeechAction = 'tag' | 'suspend';

export interface FittedParameters {
  /** FSRS weights (21 for FSRS-6). */
  readonly w: readonly number[];
  /** ISO date the fit was made. */
  readonly fittedAt: string;
  /** How many reviews the fit used. */
  readonly reviews: number;
}

export interface Settings {
  /** Folders or files; empty = the built-in deck. */
  readonly decks: readonly string[];
  readonly desiredRetention: number;
  readonly newPerDay: number;
  readonly reviewsPerDay: number;
  /** Local hour (0–23) at which a study day starts. */
  readonly dayStartsAt: number;
  /** Steps like "1m", "10m", "1h", "1d". */
  readonly learningSteps: readonly string[];
  readonly relearningSteps: readonly string[];
  /** Days. */
  readonly maximumInterval: number;
  readonly fuzz: boolean;
  readonly newOrder: NewOrder;
  readonly leechThreshold: number;
  readonly leechAction: LeechAction;
  readonly maxCardChars: number;
  readonly maxCardItems: number;
  readonly summaryWords: readonly string[];
  readonly skipTitles: readonly string[];
  /** Absent: ts-fsrs defaults. */
  readonly fsrsParameters?: FittedParameters;
  readonly deviceId: string;
}

export const DEFAULT_SUMMARY_WORDS: readonly string[] = [
  'summary', 'recap', 'takeaway', 'key point', 'key fact', 'key idea', 'key concept', 'key term',
  'tl;dr', 'tldr', 'exam tip', '总结', '小结', '要点', 'まとめ', '요약',
];

export const DEFAULT_SKIP_TITLES: readonly string[] = [
  'table of contents', 'contents', 'further reading', 'see also', 'reference', 'source', 'objective',
  'prerequisite', 'changelog', '目录', '参考资料',
];

/** Defaults, except `deviceId`, which is generated on first use. */
export const DEFAULT_SETTINGS: Omit<Settings, 'deviceId'> = {
  decks: [],
  desiredRetention: 0.9,
  newPerDay: 20,
  reviewsPerDay: 200,
  dayStartsAt: 4,
  learningSteps: ['1m', '10m'],
  relearningSteps: ['10m'],
  maximumInterval: 36500,
  fuzz: true,
  newOrder: 'notes',
  leechThreshold: 8,
  leechAction: 'tag',
  maxCardChars: 800,
  maxCardItems: 7,
  summaryWords: DEFAULT_SUMMARY_WORDS,
  skipTitles: DEFAULT_SKIP_TITLES,
};
