import { Box, Text } from 'ink';
import { cutStyled } from './wrap-styled.js';

/** Pre-rendered lines, one Ink row each, cut to `width`: screens build lines so they control every row. */
export function Frame({ lines, width }: { readonly lines: readonly string[]; readonly width: number }) {
  return (
    <Box flexDirection="column">
      {lines.map((line, i) => (
        <Text key={i} wrap="truncate-end">{line === '' ? ' ' : cutStyled(line, width)}</Text>
      ))}
    </Box>
  );
}
