/** Options every command accepts. */
export interface GlobalOptions {
  /** --home DIR */
  readonly home: string | undefined;
  /** --decks PATH…; empty = configured decks, else the built-in deck. */
  readonly decks: readonly string[];
  readonly debug: boolean;
}
