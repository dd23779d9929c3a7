import { Box, Text } from 'ink';

/** Pre-rendered lines, one Ink row each: screens build lines so they control every row's height. */
export function Frame({ lines }: { readonly lines: readonly string[] }) {
  return (
    <Box flexDirection="column">
      {lines.map((line, i) => (
        <Text key={i} wrap="truncate-end">{line === '' ? ' ' : line}</Text>
      ))}
    </Box>
  );
}
