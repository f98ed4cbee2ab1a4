/**
 * What the simulator tells the developer when it left filler words out to match a sample ("please"), in the words
 * npm start and the console both use. It imports nothing, so that the console's page can bundle it.
 */
export function toleranceHint(ignoredWords: string[]): string {
  const ignored = ignoredWords.map((word) => `"${word}"`).join(', ');
  return `ignored ${ignored} to match a sample; add a sample if that phrasing matters`;
}
