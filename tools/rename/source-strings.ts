import ts from 'typescript';

/**
 * Replaces `from` with `to` inside the string and template literals of TypeScript source, escaped for the
 * literal it lands in: a name such as "Sam's Facts" stays valid code in 'single-quoted' strings. Comments
 * and code outside literals are left as they are.
 */
export function replaceInStringLiterals(source: string, from: string, to: string): string {
  if (!from || from === to) return source;
  const file = ts.createSourceFile('speech.ts', source, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const literals: { start: number; end: number; escape: (text: string) => string }[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node)) {
      const quote = source[node.getStart(file)];
      literals.push({
        start: node.getStart(file),
        end: node.end,
        escape: (text) => escapeFor(text, [quote]),
      });
    } else if (ts.isTemplateLiteralToken(node)) {
      // A `template` without substitutions, or the text between the ${…} of one with them.
      literals.push({
        start: node.getStart(file),
        end: node.end,
        escape: (text) => escapeFor(text, ['`', '${']),
      });
    }
    node.forEachChild(visit);
  };
  visit(file);
  // From the end, so that earlier positions stay valid.
  return literals
    .sort((a, b) => b.start - a.start)
    .reduce((text, { start, end, escape }) => {
      const literal = text.slice(start, end);
      if (!literal.includes(from)) return text;
      return text.slice(0, start) + literal.split(from).join(escape(to)) + text.slice(end);
    }, source);
}

function escapeFor(text: string, specials: string[]): string {
  return [...text].reduce((escaped, char, index) => {
    const startsSpecial = specials.some((special) => text.startsWith(special, index));
    return escaped + (char === '\\' || startsSpecial ? `\\${char}` : char);
  }, '');
}
