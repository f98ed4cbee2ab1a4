import { isJsonObject } from '../../../lambda/src/is-object';
import { childPath, type JsonChanges } from './json-changes';

/**
 * A JSON value as a tree, the way the developer console shows JSON: keys and values in colours of their own,
 * each object and list folding with the native <details> element (keyboard and screen readers know it
 * without help), and what `changes` lists marked with a highlight and words. Written here rather than
 * taken from a library: it is this one function, and the page keeps no dependencies to serve or update.
 */
export function jsonTree(
  value: unknown,
  options: { changes?: JsonChanges; folded?: string[] } = {},
): HTMLElement {
  const tree = element('div', 'json');
  tree.append(jsonNode(value, '', undefined, options.changes, true));
  for (const path of options.folded ?? []) {
    const block = tree.querySelector<HTMLDetailsElement>(`details[data-path="${path}"]`);
    if (block) block.open = false;
  }
  return tree;
}

/** Each line carries its value's path in data-path ("request.intent.slots.amount.value"). */
function jsonNode(
  value: unknown,
  path: string,
  key: string | number | undefined,
  changes: JsonChanges | undefined,
  last: boolean,
): HTMLElement {
  const comma = last ? '' : ',';
  const children: [string | number, unknown][] | undefined = Array.isArray(value)
    ? value.map((item, index) => [index, item])
    : isJsonObject(value)
      ? Object.entries(value)
      : undefined;
  let node: HTMLElement;
  if (children === undefined || children.length === 0) {
    node = element('div', 'json-line');
    node.append(...keyOf(key), scalar(value), punctuation(comma));
  } else {
    const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
    const details = element('details', 'json-block');
    details.open = true;
    const summary = element('summary', 'json-line');
    const size = `${children.length} ${Array.isArray(value) ? 'item' : 'key'}${children.length === 1 ? '' : 's'}`;
    summary.append(
      ...keyOf(key),
      punctuation(open),
      element('span', 'json-folded', ` ${size} ${close}${comma}`),
    );
    const body = element('div', 'json-children');
    children.forEach(([childKey, child], index) =>
      body.append(
        jsonNode(child, childPath(path, childKey), childKey, changes, index === children.length - 1),
      ),
    );
    details.append(summary, body, element('div', 'json-line json-close', `${close}${comma}`));
    node = details;
  }
  node.dataset.path = path;
  const change = changes?.changed.get(path);
  if (change) markChange(node, change.was);
  return node;
}

function markChange(node: HTMLElement, was: unknown): void {
  const line = node.matches('details') ? (node.querySelector('summary') as HTMLElement) : node;
  const words = was === undefined ? 'new' : `changed, was ${JSON.stringify(was)}`;
  node.classList.add(was === undefined ? 'added' : 'changed');
  line.title = words;
  line.append(element('span', 'visually-hidden', ` (${words})`));
}

function keyOf(key: string | number | undefined): Node[] {
  if (typeof key !== 'string') return [];
  return [element('span', 'json-key', JSON.stringify(key)), punctuation(': ')];
}

function scalar(value: unknown): HTMLElement {
  if (Array.isArray(value)) return punctuation('[]');
  if (isJsonObject(value)) return punctuation('{}');
  const kind = value === null ? 'null' : typeof value;
  return element('span', `json-${kind}`, JSON.stringify(value) ?? 'undefined');
}

function punctuation(text: string): HTMLElement {
  return element('span', 'json-punctuation', text);
}

export function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className?: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}
