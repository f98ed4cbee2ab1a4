/**
 * The console's page: the conversation on the left, the selected turn's request and response in the middle,
 * the user's stored item and the session on the right. Everything it shows comes from the console's event
 * stream (../api.ts); what the user does goes back as a request, whose effect comes back through the stream,
 * so every open tab shows the same.
 */
import {
  API,
  MAX_UTTERANCE_LENGTH,
  type ApiError,
  type ConsoleEvent,
  type ConsoleStatus,
  type Entry,
  type ReplayStep,
  type StoredItem,
  type TurnEntry,
} from '../api';
import { toleranceHint } from '../../dialog/tolerance-hint';
import { changesBetween } from './json-changes';
import { element, jsonTree } from './json-view';

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

const page = {
  skillName: byId('skill-name'),
  callerForm: byId<HTMLFormElement>('caller'),
  locale: byId<HTMLSelectElement>('locale'),
  user: byId<HTMLInputElement>('user'),
  device: byId<HTMLInputElement>('device'),
  endSession: byId<HTMLButtonElement>('end-session'),
  saveReplay: byId<HTMLAnchorElement>('save-replay'),
  loadReplay: byId<HTMLButtonElement>('load-replay'),
  replayFile: byId<HTMLInputElement>('replay-file'),
  health: byId('health'),
  alert: byId('alert'),
  conversation: byId<HTMLOListElement>('conversation'),
  replay: byId('replay'),
  replayProgress: byId('replay-progress'),
  replayStep: byId<HTMLButtonElement>('replay-step'),
  replayRun: byId<HTMLButtonElement>('replay-run'),
  replayClose: byId<HTMLButtonElement>('replay-close'),
  sayForm: byId<HTMLFormElement>('say'),
  utterance: byId<HTMLInputElement>('utterance'),
  ioTurn: byId('io-turn'),
  exchanges: byId('exchanges'),
  itemKey: byId('item-key'),
  newUser: byId<HTMLButtonElement>('new-user'),
  item: byId('item'),
  session: byId('session'),
};

let status: ConsoleStatus | undefined;
const turns = new Map<number, TurnEntry>();
/** The turn whose Skill I/O shows; undefined follows the latest. */
let selectedTurn: number | undefined;
/** The stored item on show, to highlight what the next change changes. */
let shownItem: { userId: string; json: string; item: StoredItem | null } | undefined;
const history: string[] = [];
let historyIndex = 0;
let connected = false;

// ---- the event stream

function connect(): void {
  const events = new EventSource(API.events);
  events.onopen = () => setConnected(true);
  events.onerror = () => setConnected(false);
  events.onmessage = (message: MessageEvent<string>) => handle(JSON.parse(message.data) as ConsoleEvent);
}

function handle(event: ConsoleEvent): void {
  if (event.type === 'state') {
    page.conversation.replaceChildren();
    turns.clear();
    history.length = 0;
    selectedTurn = undefined;
    for (const entry of event.state.entries) addEntry(entry);
    historyIndex = history.length;
    applyStatus(event.state.status, true);
    scrollToEnd();
  } else if (event.type === 'entry') {
    addEntry(event.entry);
    scrollToEnd();
  } else {
    applyStatus(event.status, false);
  }
}

function setConnected(now: boolean): void {
  connected = now;
  if (status) showHealth(status);
  for (const control of document.querySelectorAll<HTMLButtonElement | HTMLInputElement>(
    'button, input, select',
  ))
    control.disabled = !now;
  if (now && status) applyStatus(status, false);
}

// ---- the conversation

function addEntry(entry: Entry): void {
  if (entry.kind === 'note') {
    const item = element('li', `note note-${entry.level}`);
    item.append(element('pre', undefined, entry.text));
    page.conversation.append(item);
    return;
  }
  turns.set(entry.id, entry);
  history.push(entry.utterance);
  historyIndex = history.length;
  page.conversation.append(turnItem(entry));
  if (selectedTurn === undefined) showExchanges(entry);
}

function turnItem(turn: TurnEntry): HTMLLIElement {
  const item = element('li', 'turn');
  item.dataset.turn = String(turn.id);
  if (turn.sessionStarted) item.append(element('p', 'marker', 'Session started'));
  const said = element('p', 'utterance');
  const show = element('button', 'show-io', '{ }');
  show.type = 'button';
  show.setAttribute('aria-label', `Show the Skill I/O of "${turn.utterance}"`);
  show.addEventListener('click', () => {
    selectedTurn = turn.id;
    showExchanges(turn);
  });
  said.append(element('span', 'speaker', 'You'), element('span', 'words', turn.utterance), show);
  item.append(said);
  if (turn.ignoredWords) {
    item.append(element('p', 'aside', `Tolerance: ${toleranceHint(turn.ignoredWords)}.`));
  }
  if (turn.notice) item.append(element('p', 'aside', turn.notice));
  for (const caption of turn.captions) {
    const line = element('p', 'caption');
    line.append(element('span', 'speaker', 'Alexa'), element('span', 'words', caption));
    item.append(line);
  }
  for (const reprompt of turn.reprompts) item.append(element('p', 'reprompt', `Reprompt: ${reprompt}`));
  if (turn.problems.length > 0) item.append(problemsOf(turn));
  if (turn.sessionEnded) item.append(element('p', 'marker', 'Session ended'));
  return item;
}

/** As the developer console does: Alexa's apology, then why the device refused the skill's answer. */
function problemsOf(turn: TurnEntry): HTMLElement {
  const box = element('div', 'problems');
  box.append(element('p', undefined, 'The skill failed in this turn:'));
  const list = element('ul');
  for (const problem of turn.problems) list.append(element('li', undefined, problem));
  box.append(list);
  return box;
}

function scrollToEnd(): void {
  page.conversation.scrollTop = page.conversation.scrollHeight;
}

// ---- Skill I/O

function showExchanges(turn: TurnEntry): void {
  for (const selected of page.conversation.querySelectorAll('.turn.selected'))
    selected.classList.remove('selected');
  page.conversation.querySelector(`[data-turn="${turn.id}"]`)?.classList.add('selected');
  page.ioTurn.textContent = `"${turn.utterance}"`;
  const panes: HTMLElement[] = [];
  if (turn.exchanges.length === 0)
    panes.push(element('p', 'empty', 'Nothing was sent to the skill in this turn.'));
  const numbered = turn.exchanges.length > 1;
  turn.exchanges.forEach((exchange, index) => {
    const suffix = numbered ? ` ${index + 1}` : '';
    // what Alexa says about the device is the same every turn: folded, one click away
    panes.push(jsonPane(`JSON input${suffix}`, exchange.request, ['context']));
    if (exchange.error !== undefined) {
      const pane = element('section', 'pane pane-error');
      pane.append(
        element('h3', undefined, `The skill threw${suffix}`),
        element('pre', undefined, exchange.error),
      );
      panes.push(pane);
    } else {
      panes.push(jsonPane(`JSON output${suffix}`, exchange.response));
    }
  });
  if (turn.logs.length > 0) {
    const pane = element('section', 'pane');
    pane.append(element('h3', undefined, 'Skill log'), element('pre', 'log', turn.logs.join('\n')));
    panes.push(pane);
  }
  page.exchanges.replaceChildren(...panes);
}

function jsonPane(title: string, value: unknown, folded: string[] = []): HTMLElement {
  const pane = element('section', 'pane');
  const heading = element('div', 'pane-heading');
  const copy = element('button', 'copy', 'Copy');
  copy.type = 'button';
  copy.setAttribute('aria-label', `Copy ${title}`);
  copy.addEventListener('click', () => void copyText(copy, JSON.stringify(value, null, 2)));
  heading.append(element('h3', undefined, title), copy);
  pane.append(heading, jsonTree(value, { folded }));
  pane.setAttribute('aria-label', title);
  return pane;
}

async function copyText(button: HTMLButtonElement, text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    button.textContent = 'Copied';
  } catch {
    // the clipboard needs a secure context: 127.0.0.1 is one, a LAN address (HOST=0.0.0.0) is not
    button.textContent = 'Select the text to copy it';
  }
  setTimeout(() => (button.textContent = 'Copy'), 1500);
}

// ---- status: caller, stored item, session, replay, health

function applyStatus(next: ConsoleStatus, initial: boolean): void {
  status = next;
  const { caller } = next;
  page.skillName.textContent = `"${next.invocationName}"`;
  page.utterance.placeholder = next.launchExample;
  if (document.activeElement?.closest('#caller') === null || document.activeElement === null) {
    page.locale.replaceChildren(...next.locales.map((locale) => new Option(locale, locale)));
    page.locale.value = caller.locale;
    page.user.value = caller.user;
    page.device.value = caller.device;
  }
  document.documentElement.lang = caller.locale;
  showHealth(next);
  showItem(next, initial);
  page.session.replaceChildren(
    next.session
      ? jsonTree(next.session.attributes)
      : element('p', 'empty', 'No open session: the next utterance that names the skill opens one.'),
  );
  page.endSession.disabled = !connected || next.session === null;
  if (next.recorded > 0) {
    page.saveReplay.href = API.replay;
    page.saveReplay.removeAttribute('aria-disabled');
  } else {
    page.saveReplay.removeAttribute('href');
    page.saveReplay.setAttribute('aria-disabled', 'true');
  }
  page.saveReplay.title = `${next.recorded} utterances since the last switch, in ask-cli's replay format`;
  showReplay(next);
}

function showHealth(next: ConsoleStatus): void {
  const lines: HTMLElement[] = [];
  if (!connected) {
    lines.push(
      element(
        'p',
        'bad',
        'Not connected to npm run console: is it still running? This page reconnects by itself.',
      ),
    );
  } else {
    lines.push(
      element(
        'p',
        next.busy ? 'busy' : 'good',
        `${next.busy ? 'Answering…' : 'Ready.'} The skill from lambda/src, ${next.store}; ${next.caller.locale}, ` +
          `user ${next.caller.user}, device ${next.caller.device}.`,
      ),
    );
  }
  if (next.loadError) {
    lines.push(element('p', 'bad', 'The sources do not load; the last version that loaded answers:'));
    lines.push(element('pre', 'bad', next.loadError));
  }
  if (next.typeProblems.length > 0) {
    const details = element('details', 'warning');
    details.append(
      element(
        'summary',
        undefined,
        `${next.typeProblems.length} type errors in lambda/src (npm run typecheck)`,
      ),
      element('pre', undefined, next.typeProblems.join('\n')),
    );
    lines.push(details);
  }
  page.health.replaceChildren(...lines);
}

/**
 * The item as stored now, with what its last change changed highlighted: against the item shown before, or,
 * when the page has just opened, against the item before the latest turn.
 */
function showItem(next: ConsoleStatus, initial: boolean): void {
  const { userId } = next.caller;
  const json = JSON.stringify(next.item);
  if (shownItem?.userId === userId && shownItem.json === json) return;
  let before: StoredItem | null | undefined;
  if (shownItem?.userId === userId) before = shownItem.item;
  else if (initial) before = latestTurnItemBefore(json);
  shownItem = { userId, json, item: next.item };

  page.itemKey.textContent = `Table ${next.tableName}, key id = ${userId}`;
  if (next.item === null) {
    const gone = before ? ' Its item was deleted just now.' : '';
    page.item.replaceChildren(
      element('p', 'empty', `No stored item: the skill meets this user as a new user.${gone}`),
    );
    return;
  }
  const changes = before === undefined ? undefined : changesBetween(before ?? {}, next.item);
  const parts: HTMLElement[] = [jsonTree(next.item, { changes })];
  if (changes && changes.removed.length > 0) {
    parts.push(element('p', 'removed', `Removed: ${changes.removed.map(({ path }) => path).join(', ')}`));
  }
  page.item.replaceChildren(...parts);
}

function latestTurnItemBefore(json: string): StoredItem | null | undefined {
  const latest = [...turns.values()].at(-1);
  return latest && JSON.stringify(latest.itemAfter) === json ? latest.itemBefore : undefined;
}

function showReplay(next: ConsoleStatus): void {
  const { replay } = next;
  page.replay.hidden = replay === null;
  if (!replay) return;
  const done = replay.next >= replay.inputs.length;
  page.replayProgress.textContent = done
    ? `Replayed ${replay.name}: all ${replay.inputs.length} inputs.`
    : `Replaying ${replay.name}: input ${replay.next + 1} of ${replay.inputs.length}, "${replay.inputs[replay.next]}".`;
  page.replayStep.disabled = !connected || done;
  page.replayRun.disabled = !connected || done;
}

// ---- what the user does

/** Sends one request: the console's answer, or undefined when it refused (shown to the user) or was not there. */
async function ask(method: 'POST' | 'DELETE', url: string, body?: object): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers: body ? { 'content-type': 'application/json' } : undefined,
      body: body && JSON.stringify(body),
    });
  } catch {
    showAlert('The console did not answer: is npm run console still running?');
    return undefined;
  }
  const answer = (await response.json().catch(() => ({}))) as unknown;
  if (response.ok) {
    showAlert(undefined);
    return answer;
  }
  showAlert((answer as Partial<ApiError>).error ?? `The console answered ${response.status}.`);
  return undefined;
}

function showAlert(text: string | undefined): void {
  page.alert.hidden = text === undefined;
  page.alert.textContent = text ?? '';
}

page.sayForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const utterance = page.utterance.value.trim();
  if (utterance === '') return;
  if (utterance.length > MAX_UTTERANCE_LENGTH) {
    showAlert(
      `That is ${utterance.length} characters; an utterance here is at most ${MAX_UTTERANCE_LENGTH}.`,
    );
    return;
  }
  page.utterance.value = '';
  selectedTurn = undefined;
  void ask('POST', API.say, { utterance }).then((answer) => {
    // what could not be said stays in the box, to correct
    if (answer === undefined && page.utterance.value === '') page.utterance.value = utterance;
  });
});

page.utterance.addEventListener('keydown', (event) => {
  if (event.key !== 'ArrowUp' && event.key !== 'ArrowDown') return;
  event.preventDefault();
  historyIndex = Math.max(0, Math.min(history.length, historyIndex + (event.key === 'ArrowUp' ? -1 : 1)));
  page.utterance.value = history[historyIndex] ?? '';
});

page.callerForm.addEventListener('submit', (event) => {
  event.preventDefault();
  void ask('POST', API.caller, {
    locale: page.locale.value,
    user: page.user.value,
    device: page.device.value,
  }).then(() => page.utterance.focus());
});

page.endSession.addEventListener('click', () => void ask('POST', API.endSession));
page.newUser.addEventListener('click', () => void ask('DELETE', API.item));
page.loadReplay.addEventListener('click', () => page.replayFile.click());
page.replayFile.addEventListener('change', () => {
  const file = page.replayFile.files?.[0];
  page.replayFile.value = '';
  if (file) void file.text().then((text) => ask('POST', API.replay, { name: file.name, text }));
});
page.replayStep.addEventListener('click', () => void ask('POST', API.replayStep));
page.replayRun.addEventListener('click', async () => {
  for (;;) {
    const step = (await ask('POST', API.replayStep)) as ReplayStep | undefined;
    if (!step || step.left === 0) return;
  }
});
page.replayClose.addEventListener('click', () => void ask('DELETE', API.replay));

connect();
page.utterance.focus();
