import type { Request } from 'ask-sdk-model';
import { isJsonObject } from '../../lambda/src/is-object';

/** Alexa refuses a response over 24 kilobytes, and speech over 8,000 characters. */
const MAX_RESPONSE_BYTES = 24 * 1024;
const MAX_SPEECH_CHARACTERS = 8000;

const CARD_FIELDS: Record<string, string[]> = {
  Simple: ['title', 'content'],
  Standard: ['title', 'text'],
  LinkAccount: [],
  AskForPermissionsConsent: ['permissions'],
};

const DIALOG_DIRECTIVE_FIELDS: Record<string, string[]> = {
  'Dialog.Delegate': [],
  'Dialog.ElicitSlot': ['slotToElicit'],
  'Dialog.ConfirmSlot': ['slotToConfirm'],
  'Dialog.ConfirmIntent': [],
};

/**
 * What Alexa would reject in a skill's response ("There was a problem with the requested skill's response"):
 * an empty list means the response is valid.
 */
export function responseProblems(body: unknown, request: Request): string[] {
  if (!isJsonObject(body)) return [`the response is ${describe(body)}, not a response envelope`];
  const problems: string[] = [];
  if (typeof body.version !== 'string') problems.push('version is missing');
  if (body.sessionAttributes !== undefined && !isJsonObject(body.sessionAttributes)) {
    problems.push('sessionAttributes is not an object');
  }
  const size = Buffer.byteLength(JSON.stringify(body));
  if (size > MAX_RESPONSE_BYTES) problems.push(`the response is ${size} bytes, more than Alexa's 24 KB`);
  const response = body.response;
  if (!isJsonObject(response)) return [...problems, 'response is missing'];

  problems.push(...speechProblems(response.outputSpeech, 'outputSpeech'));
  if (response.reprompt !== undefined) {
    problems.push(
      ...speechProblems(
        isJsonObject(response.reprompt) ? response.reprompt.outputSpeech : undefined,
        'reprompt.outputSpeech',
        true,
      ),
    );
  }
  if (response.shouldEndSession !== undefined && typeof response.shouldEndSession !== 'boolean') {
    problems.push('shouldEndSession is not a boolean');
  }
  if (response.card !== undefined) problems.push(...cardProblems(response.card));
  problems.push(...directiveProblems(response, request));
  return problems;
}

function speechProblems(speech: unknown, where: string, required = false): string[] {
  if (speech === undefined) return required ? [`${where} is missing`] : [];
  if (!isJsonObject(speech)) return [`${where} is not an object`];
  if (speech.type === 'PlainText') {
    if (typeof speech.text !== 'string') return [`${where}.text is missing`];
    return lengthProblems(speech.text, where);
  }
  if (speech.type === 'SSML') {
    if (typeof speech.ssml !== 'string') return [`${where}.ssml is missing`];
    const ssml = speech.ssml.trim();
    if (!/^<speak>[\s\S]*<\/speak>$/.test(ssml)) return [`${where}.ssml is not inside <speak>...</speak>`];
    return [...lengthProblems(ssml, where), ...unbalancedTags(ssml, where)];
  }
  return [`${where}.type is ${describe(speech.type)}, not PlainText or SSML`];
}

function lengthProblems(text: string, where: string): string[] {
  return text.length > MAX_SPEECH_CHARACTERS
    ? [`${where} is longer than ${MAX_SPEECH_CHARACTERS} characters`]
    : [];
}

/** Alexa parses SSML as XML: an unclosed tag or a bare "&" makes the whole response invalid. */
function unbalancedTags(ssml: string, where: string): string[] {
  if (/&(?![a-z]+;|#\d+;)/i.test(ssml)) return [`${where}.ssml has a bare "&" (write &amp;)`];
  const open: string[] = [];
  for (const [, closing, name, selfClosing] of ssml.matchAll(/<(\/?)([a-zA-Z:-]+)[^>]*?(\/?)>/g)) {
    if (selfClosing) continue;
    if (!closing) open.push(name);
    else {
      const innermost = open.pop();
      if (innermost !== name) {
        return [
          `${where}.ssml closes <${name}> ${innermost ? `while <${innermost}> is open` : 'that is not open'}`,
        ];
      }
    }
  }
  return open.length > 0 ? [`${where}.ssml leaves <${open.at(-1)}> open`] : [];
}

function cardProblems(card: unknown): string[] {
  if (!isJsonObject(card) || typeof card.type !== 'string' || !(card.type in CARD_FIELDS)) {
    return [`card type ${describe(isJsonObject(card) ? card.type : card)} is not one Alexa knows`];
  }
  return CARD_FIELDS[card.type]
    .filter((field) => card[field] === undefined)
    .map((field) => `card.${field} is missing`);
}

function directiveProblems(response: Record<string, unknown>, request: Request): string[] {
  const { directives } = response;
  if (directives === undefined) return [];
  if (!Array.isArray(directives)) return ['directives is not a list'];
  const problems: string[] = [];
  for (const directive of directives) {
    if (!isJsonObject(directive) || typeof directive.type !== 'string') {
      problems.push('a directive has no type');
      continue;
    }
    const required = DIALOG_DIRECTIVE_FIELDS[directive.type];
    if (!required) continue;
    problems.push(
      ...required
        .filter((field) => directive[field] === undefined)
        .map((field) => `${directive.type} needs ${field}`),
    );
    if (response.shouldEndSession === true) problems.push(`${directive.type} cannot end the session`);
    if (request.type !== 'IntentRequest' && directive.updatedIntent === undefined) {
      problems.push(`${directive.type} answers a ${request.type} without an updatedIntent`);
    }
    if (directive.type === 'Dialog.Delegate') {
      if (response.outputSpeech !== undefined || response.reprompt !== undefined) {
        problems.push('Dialog.Delegate cannot come with outputSpeech or reprompt: Alexa speaks the prompt');
      }
      if (request.type === 'IntentRequest' && request.dialogState === 'COMPLETED') {
        problems.push('Dialog.Delegate answers a COMPLETED dialog: there is nothing left to delegate');
      }
    }
  }
  return problems;
}

function describe(value: unknown): string {
  return value === undefined ? 'missing' : JSON.stringify(value);
}
