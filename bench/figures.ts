/** The middle of some measurements (the upper middle of an even count): the figure the sections print. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}
