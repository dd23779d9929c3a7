/** A value as JSON, cut to `max` characters, for messages that show what a file holds. */
export function quoted(value: unknown, max = 60): string {
  const json = JSON.stringify(value);
  if (json === undefined) return 'missing';
  return json.length > max ? `${json.slice(0, max)}…` : json;
}
