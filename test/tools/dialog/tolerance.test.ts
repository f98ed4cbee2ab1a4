import { expect } from 'chai';
import { join } from 'node:path';
import { readInteractionModel } from '../../../tools/dialog/interaction-model';
import { createUtteranceResolver, type UtteranceResolver } from '../../../tools/dialog/utterance-resolver';

/**
 * The simulator's approximation of Alexa's tolerance: filler words around a sample do not stop it from matching,
 * slot spans keep only what their type can take, and what is unrelated to a model still goes to
 * AMAZON.FallbackIntent. Expectations name intents and slot values, never which sample matched, so that models
 * can gain samples.
 */
const SKILL_ID = 'amzn1.ask.skill.00000000-0000-0000-0000-000000000000';
const ROOT = join(__dirname, '..', '..', '..');
const AMAZON_SAMPLES = join(ROOT, 'test', 'fixtures', 'interaction-models', 'amazon-samples');

const resolverFor = (path: string, locale: string, strict = false) =>
  createUtteranceResolver(readInteractionModel(path), { locale, skillId: SKILL_ID, strict });

const OUR_MODEL = join(ROOT, 'skill-package', 'interactionModels', 'custom', 'en-US.json');

/** Slot values by name; "small" after "=" is the value a synonym resolves to ("little=small"). */
type Expected = [utterance: string, intent: string, slots?: Record<string, string>];

/** What the resolver made of the utterance, in the shape of `Expected`, with the words it ignored. */
function understood(resolver: UtteranceResolver, utterance: string) {
  const understanding = resolver.understand(utterance, { inSession: true });
  if (understanding.kind !== 'intent') return { intent: understanding.kind, slots: {}, ignored: [] };
  const slots = Object.values(understanding.intent.slots ?? {})
    .filter((slot) => slot.value !== undefined)
    .map((slot) => {
      const resolved = slot.resolutions?.resolutionsPerAuthority?.[0]?.values?.[0]?.value.name;
      const value =
        resolved && resolved.toLowerCase() !== slot.value ? `${slot.value}=${resolved}` : slot.value;
      return [slot.name, value];
    });
  return {
    intent: understanding.intent.name,
    slots: Object.fromEntries(slots),
    ignored: understanding.ignored ?? [],
  };
}

function expectTolerant(resolver: UtteranceResolver, cases: Expected[]) {
  for (const [utterance, intent, slots = {}] of cases) {
    it(`"${utterance}" is ${intent}${Object.keys(slots).length ? ` ${JSON.stringify(slots)}` : ''}`, () => {
      const { intent: actual, slots: filled } = understood(resolver, utterance);
      expect({ intent: actual, slots: pick(filled, Object.keys(slots)) }).to.deep.equal({ intent, slots });
    });
  }
}

function expectFallback(resolver: UtteranceResolver, utterances: string[]) {
  for (const utterance of utterances) {
    it(`"${utterance}" stays AMAZON.FallbackIntent`, () => {
      expect(understood(resolver, utterance).intent).to.equal('AMAZON.FallbackIntent');
    });
  }
}

/** In a model without AMAZON.FallbackIntent Alexa forces an intent: then no sample matches and no slot is filled. */
function expectNoSampleMatched(resolver: UtteranceResolver, utterances: string[]) {
  for (const utterance of utterances) {
    it(`"${utterance}" matches no sample and fills no slot (the model has no FallbackIntent)`, () => {
      const understanding = resolver.understand(utterance, { inSession: true });
      expect(understanding.kind === 'intent' && understanding.sample).to.equal(undefined);
      expect(understood(resolver, utterance).slots).to.deep.equal({});
    });
  }
}

function pick(values: Record<string, string>, names: string[]) {
  return Object.fromEntries(names.map((name) => [name, values[name]]));
}

describe("tolerance on the skill's own model (en-US)", () => {
  const ours = resolverFor(OUR_MODEL, 'en-US');
  const add = (amount: string): Record<string, string> => ({ amount });
  expectTolerant(ours, [
    ['add five please', 'IncrementIntent', add('5')],
    ['can you add five', 'IncrementIntent', add('5')],
    ['what is my count please', 'GetCountIntent'],
    ['please add twenty three', 'IncrementIntent', add('23')],
    ['could you add ten please', 'IncrementIntent', add('10')],
    ['um add three', 'IncrementIntent', add('3')],
    ['add seven then', 'IncrementIntent', add('7')],
    ['add two thanks', 'IncrementIntent', add('2')],
    ['please reset the counter', 'ResetCountIntent'],
    ['reset the counter please', 'ResetCountIntent'],
    ['can you reset my count', 'ResetCountIntent'],
    ["um what's the count", 'GetCountIntent'],
    ["what's my count now", 'GetCountIntent'],
    ['tell me the count please', 'GetCountIntent'],
    ['please say hello', 'HelloWorldIntent'],
    ['hello please', 'HelloWorldIntent'],
    ['say hi please', 'HelloWorldIntent'],
    ['i want to add four', 'IncrementIntent', add('4')],
    ["i'd like to add a hundred", 'IncrementIntent', add('100')],
    ['i would like to add fifty', 'IncrementIntent', add('50')],
    ['can you please add one hundred and five', 'IncrementIntent', add('105')],
    ['go ahead and add eight', 'IncrementIntent', add('8')],
    ['could you count up by six', 'IncrementIntent', add('6')],
    ['increase the counter by nine please', 'IncrementIntent', add('9')],
    ['plus eleven please', 'IncrementIntent', add('11')],
    ['add 12 please', 'IncrementIntent', add('12')],
    ['just add five', 'IncrementIntent', add('5')],
    ['alexa add five', 'IncrementIntent', add('5')],
    ['okay add six', 'IncrementIntent', add('6')],
    ['ok add six please', 'IncrementIntent', add('6')],
    ["okay what's the count", 'GetCountIntent'],
    ['please increment by two', 'IncrementIntent', add('2')],
    ['add minus one please', 'IncrementIntent', add('-1')],
    ['add -1 please', 'IncrementIntent', add('-1')],
    ['uh count up', 'IncrementIntent'],
    ['hmm what is the count', 'GetCountIntent'],
    ['now reset', 'ResetCountIntent'],
    ['stop please', 'AMAZON.StopIntent'],
    ['please stop', 'AMAZON.StopIntent'],
    ['please help', 'AMAZON.HelpIntent'],
    ['help please', 'AMAZON.HelpIntent'],
    ['can you help me please', 'AMAZON.HelpIntent'],
    ['cancel please', 'AMAZON.CancelIntent'],
    ['um cancel', 'AMAZON.CancelIntent'],
    ['please go home', 'AMAZON.NavigateHomeIntent'],
    ['go home please', 'AMAZON.NavigateHomeIntent'],
  ]);
  expectFallback(ours, [
    'please book me a flight',
    'can you turn on the lights',
    'who won the game last night',
    "what's the weather like",
    'play some music please',
    'set a timer for ten minutes',
    'please order a pizza',
    'what time is it',
    'call mom',
    'tell me a joke please',
    'um how tall is mount everest',
    'can you read my email',
    'i want to buy a new phone',
    'turn off the kitchen light please',
    "what's on my calendar today",
    'add milk to my shopping list',
    'remind me to buy milk',
    'okay google turn on the lights',
    'ok what time is it',
  ]);

  it('names the words it ignored, and matches the same utterance only as written with --strict', () => {
    expect(understood(ours, 'um please add five then')).to.deep.include({
      intent: 'IncrementIntent',
      ignored: ['um', 'then'],
    });
    const strict = resolverFor(OUR_MODEL, 'en-US', true);
    expect(understood(strict, 'add five please').slots).to.not.deep.equal({ amount: '5' });
    expect(understood(strict, 'stop please').intent).to.equal('AMAZON.FallbackIntent');
    expect(understood(strict, 'add five').slots).to.deep.equal({ amount: '5' });
  });

  it('an exact sample beats a tolerant reading of the same words', () => {
    expect(understood(ours, 'add five').ignored).to.deep.equal([]);
  });
});

describe("tolerance on Amazon's high-low model (en-US)", () => {
  const highLow = resolverFor(join(AMAZON_SAMPLES, 'highlow.en-US.json'), 'en-US');
  const guess = (number: string): Record<string, string> => ({ number });
  expectTolerant(highLow, [
    ['stop please', 'AMAZON.StopIntent'],
    ['please help', 'AMAZON.HelpIntent'],
    ['is it twenty three please', 'NumberGuessIntent', guess('23')],
    ['twenty three please', 'NumberGuessIntent', guess('23')],
    ['um fifty', 'NumberGuessIntent', guess('50')],
    ['please is it seven', 'NumberGuessIntent', guess('7')],
    ['how about ten please', 'NumberGuessIntent', guess('10')],
    ['could be ninety nine please', 'NumberGuessIntent', guess('99')],
    ['um could be forty two', 'NumberGuessIntent', guess('42')],
    ['is it a hundred please', 'NumberGuessIntent', guess('100')],
    ['five please', 'NumberGuessIntent', guess('5')],
    ['please five', 'NumberGuessIntent', guess('5')],
    ['um twelve', 'NumberGuessIntent', guess('12')],
    ['uh is it eighty', 'NumberGuessIntent', guess('80')],
    ['is it 64 please', 'NumberGuessIntent', guess('64')],
    ['how about 3 please', 'NumberGuessIntent', guess('3')],
    ['sixty four please', 'NumberGuessIntent', guess('64')],
    ['is it sixty four then', 'NumberGuessIntent', guess('64')],
    ['how about one hundred please', 'NumberGuessIntent', guess('100')],
    ['could be seventy seven then', 'NumberGuessIntent', guess('77')],
    ['is it minus one please', 'NumberGuessIntent', guess('-1')],
    ['eleven thanks', 'NumberGuessIntent', guess('11')],
    ['hmm is it thirty', 'NumberGuessIntent', guess('30')],
    ['then how about nineteen', 'NumberGuessIntent', guess('19')],
    ['alexa is it two', 'NumberGuessIntent', guess('2')],
    ['um how about fifteen please', 'NumberGuessIntent', guess('15')],
    ['is it eight hundred please', 'NumberGuessIntent', guess('800')],
    ['now is it one', 'NumberGuessIntent', guess('1')],
    ['yes please', 'AMAZON.YesIntent'],
    ['um yes', 'AMAZON.YesIntent'],
    ['okay is it twenty three', 'NumberGuessIntent', guess('23')],
    ['okay yes', 'AMAZON.YesIntent'],
    ['sure thanks', 'AMAZON.YesIntent'],
    ['no thanks', 'AMAZON.NoIntent'],
    ['um no', 'AMAZON.NoIntent'],
    ['nope thanks', 'AMAZON.NoIntent'],
    ['please stop', 'AMAZON.StopIntent'],
    ['um stop', 'AMAZON.StopIntent'],
    ['cancel please', 'AMAZON.CancelIntent'],
    ['never mind please', 'AMAZON.CancelIntent'],
    ['help me please', 'AMAZON.HelpIntent'],
    ['what can i say please', 'AMAZON.HelpIntent'],
    ['go home please', 'AMAZON.NavigateHomeIntent'],
    ['um help', 'AMAZON.HelpIntent'],
  ]);
  expectFallback(highLow, [
    'please book me a flight',
    'can you turn on the lights',
    'who won the game last night',
    "what's the weather",
    'play some jazz please',
    'tell me a joke',
    'set an alarm for seven am',
    'what time is it',
    'call my sister please',
    'order more coffee',
    'how far away is the moon',
    'turn the volume down',
    'read me the news please',
    "what's on tv tonight",
    'remind me to water the plants',
    'i want to buy shoes',
    'okay google what time is it',
  ]);

  it('"ok" and "okay" alone are AMAZON.YesIntent as said, not a filler word with nothing left', () => {
    expect(understood(highLow, 'ok')).to.deep.equal({ intent: 'AMAZON.YesIntent', slots: {}, ignored: [] });
    expect(understood(highLow, 'okay')).to.deep.equal({ intent: 'AMAZON.YesIntent', slots: {}, ignored: [] });
  });
});

describe("tolerance on Amazon's petmatch model (en-US)", () => {
  const petMatch = resolverFor(join(AMAZON_SAMPLES, 'petmatch.en-US.json'), 'en-US');
  const pet = (slots: Record<string, string>) => slots;
  expectTolerant(petMatch, [
    ['little cat please', 'PetMatchIntent', pet({ pet: 'cat', size: 'little=small' })],
    ['small dog please', 'PetMatchIntent', pet({ pet: 'dog', size: 'small' })],
    ['please small dog', 'PetMatchIntent', pet({ pet: 'dog', size: 'small' })],
    ['um little dog', 'PetMatchIntent', pet({ pet: 'dog', size: 'little=small' })],
    ['little dog then', 'PetMatchIntent', pet({ pet: 'dog', size: 'little=small' })],
    ['huge dog please', 'PetMatchIntent', pet({ pet: 'dog', size: 'huge=large' })],
    ['tiny cat please', 'PetMatchIntent', pet({ pet: 'cat', size: 'tiny' })],
    ['medium cat then', 'PetMatchIntent', pet({ pet: 'cat', size: 'medium' })],
    ['large dog thanks', 'PetMatchIntent', pet({ pet: 'dog', size: 'large' })],
    ['teacup dog please', 'PetMatchIntent', pet({ pet: 'dog', size: 'teacup=tiny' })],
    ['lazy dog please', 'PetMatchIntent', pet({ pet: 'dog', energy: 'lazy=low' })],
    ['energetic dog please', 'PetMatchIntent', pet({ pet: 'dog', energy: 'energetic=high' })],
    ['um energetic cat', 'PetMatchIntent', pet({ pet: 'cat', energy: 'energetic=high' })],
    ['i want a dog please', 'PetMatchIntent', pet({ I_Want: 'i want', article: 'a', pet: 'dog' })],
    ['i want a cat please', 'PetMatchIntent', pet({ I_Want: 'i want', article: 'a', pet: 'cat' })],
    ['um i want a dog', 'PetMatchIntent', pet({ I_Want: 'i want', pet: 'dog' })],
    ['i prefer a dog please', 'PetMatchIntent', pet({ I_Want: 'i prefer', pet: 'dog' })],
    ['we like a cat please', 'PetMatchIntent', pet({ I_Want: 'we like', pet: 'cat' })],
    ['how about a cat please', 'PetMatchIntent', pet({ I_Want: 'how about', pet: 'cat' })],
    ['how about a dog then', 'PetMatchIntent', pet({ I_Want: 'how about', pet: 'dog' })],
    ['i want a lazy dog please', 'PetMatchIntent', pet({ energy: 'lazy=low', pet: 'dog' })],
    ['i want an energetic cat please', 'PetMatchIntent', pet({ energy: 'energetic=high', pet: 'cat' })],
    ['for a dog please', 'PetMatchIntent', pet({ pet: 'dog' })],
    ['um for a cat', 'PetMatchIntent', pet({ pet: 'cat' })],
    ['please find a pet', 'PetMatchIntent'],
    ['find a pet please', 'PetMatchIntent'],
    ['um find a pet', 'PetMatchIntent'],
    ['can you find a pet', 'PetMatchIntent'],
    ['could you match me', 'PetMatchIntent'],
    ['match me please', 'PetMatchIntent'],
    ['please match me', 'PetMatchIntent'],
    ['can you match me please', 'PetMatchIntent'],
    ['go ahead and find a pet', 'PetMatchIntent'],
    ['stop please', 'AMAZON.StopIntent'],
    ['please stop', 'AMAZON.StopIntent'],
    ['please help', 'AMAZON.HelpIntent'],
    ['help please', 'AMAZON.HelpIntent'],
    ['um help', 'AMAZON.HelpIntent'],
    ['cancel please', 'AMAZON.CancelIntent'],
    ['never mind thanks', 'AMAZON.CancelIntent'],
    ['what can i say please', 'AMAZON.HelpIntent'],
  ]);
  expectFallback(petMatch, [
    'please book me a flight',
    'can you turn on the lights',
    'turn on the lights',
    'who won the game last night',
    "what's the weather like",
    'play some music please',
    'set a timer for ten minutes',
    'what time is it',
    'call mom please',
    'tell me a joke',
    'order a pizza please',
    'how far away is the moon',
    'read me the news',
    'remind me to buy milk',
    'what is the capital of france',
    'i want to buy shoes',
  ]);

  it('a slot span keeps what its type can take: "cat please" fills AMAZON.Animal with "cat"', () => {
    expect(understood(petMatch, 'little cat please')).to.deep.include({ ignored: ['please'] });
  });
});

describe("tolerance in Spanish: Amazon's high-low model (es-ES)", () => {
  const highLow = resolverFor(join(AMAZON_SAMPLES, 'highlow.es-ES.json'), 'es-ES');
  const guess = (number: string): Record<string, string> => ({ number });
  expectTolerant(highLow, [
    ['es el veintitrés por favor', 'NumberGuessIntent', guess('23')],
    ['veintitrés por favor', 'NumberGuessIntent', guess('23')],
    ['por favor es el cincuenta y tres', 'NumberGuessIntent', guess('53')],
    ['eh cincuenta y tres', 'NumberGuessIntent', guess('53')],
    ['pues puede ser el ciento cinco', 'NumberGuessIntent', guess('105')],
    ['dime si es el mil por favor', 'NumberGuessIntent', guess('1000')],
    ['es el menos uno', 'NumberGuessIntent', guess('-1')],
    ['para por favor', 'AMAZON.StopIntent'],
    ['por favor ayuda', 'AMAZON.HelpIntent'],
    ['ayuda por favor', 'AMAZON.HelpIntent'],
    ['cancela por favor', 'AMAZON.CancelIntent'],
    ['sí por favor', 'AMAZON.YesIntent'],
    ['no gracias', 'AMAZON.NoIntent'],
    ['ve a inicio por favor', 'AMAZON.NavigateHomeIntent'],
    ['bueno es el doce', 'NumberGuessIntent', guess('12')],
    ['que hay del cuarenta y dos por favor', 'NumberGuessIntent', guess('42')],
    ['puedes ayudarme', 'AMAZON.HelpIntent'],
  ]);

  expectNoSampleMatched(highLow, [
    'resérvame un vuelo por favor',
    'enciende las luces',
    'quién ganó el partido anoche',
    'qué tiempo hace hoy',
    'pon música por favor',
    'puedes poner una alarma a las siete',
    'llama a mi madre',
    'cuéntame un chiste',
    'qué hora es',
  ]);
});

describe("tolerance in German: Amazon's high-low model (de-DE)", () => {
  const highLow = resolverFor(join(AMAZON_SAMPLES, 'highlow.de-DE.json'), 'de-DE');
  const guess = (number: string): Record<string, string> => ({ number });
  expectTolerant(highLow, [
    ['ist es dreiundzwanzig bitte', 'NumberGuessIntent', guess('23')],
    ['dreiundzwanzig bitte', 'NumberGuessIntent', guess('23')],
    ['äh ist es die zahl hundertfünf', 'NumberGuessIntent', guess('105')],
    ['dann die siebenundneunzig', 'NumberGuessIntent', guess('97')],
    ['könnte es tausend sein bitte', 'NumberGuessIntent', guess('1000')],
    ['ist es minus eins', 'NumberGuessIntent', guess('-1')],
    ['stopp bitte', 'AMAZON.StopIntent'],
    ['bitte hilfe', 'AMAZON.HelpIntent'],
    ['hilfe bitte', 'AMAZON.HelpIntent'],
    ['abbrechen bitte', 'AMAZON.CancelIntent'],
    ['ja bitte', 'AMAZON.YesIntent'],
    ['nein danke', 'AMAZON.NoIntent'],
    ['äh nein', 'AMAZON.NoIntent'],
    ['kannst du mir bitte helfen', 'AMAZON.HelpIntent'],
    ['was wäre mit der zahl zwölf bitte', 'NumberGuessIntent', guess('12')],
    ['ähm die zwoundvierzig', 'NumberGuessIntent', guess('42')],
  ]);

  expectNoSampleMatched(highLow, [
    'buche mir bitte einen flug',
    'mach das licht an',
    'wer hat gestern das spiel gewonnen',
    'wie wird das wetter heute',
    'spiel bitte musik',
    'kannst du einen wecker auf sieben uhr stellen',
    'ruf meine mutter an',
    'erzähl mir einen witz',
    'wie spät ist es',
  ]);
});

describe("tolerance on the skill's own models, as people talk in each language", () => {
  const ownModel = (locale: string) =>
    resolverFor(join(ROOT, 'skill-package', 'interactionModels', 'custom', `${locale}.json`), locale);
  const add = (amount: string): Record<string, string> => ({ amount });
  const cases: Record<string, Expected[]> = {
    'de-DE': [
      ['zähl noch fünf dazu', 'IncrementIntent', add('5')],
      ['mach noch siebenundvierzig dazu', 'IncrementIntent', add('47')],
      ['zähl mal neunundneunzig dazu', 'IncrementIntent', add('99')],
      ['setz den Zähler bitte zurück', 'ResetCountIntent'],
      ['füg fünf hinzu', 'IncrementIntent', add('5')],
    ],
    'es-MX': [
      ['agrégale quince porfa', 'IncrementIntent', add('15')],
      ['oye súmale doscientos cincuenta porfa', 'IncrementIntent', add('250')],
      ['¿cuánto llevo ya?', 'GetCountIntent'],
      ['ponle cinco', 'IncrementIntent', add('5')],
      ['ponle cinco porfa', 'IncrementIntent', add('5')],
    ],
    'hi-IN': [
      ['five जोड़ो', 'IncrementIntent', add('5')],
      ['twenty three जोड़ दो', 'IncrementIntent', add('23')],
      ['add five करो', 'IncrementIntent', add('5')],
    ],
    'nl-NL': [
      ['doe er maar zeven bij', 'IncrementIntent', add('7')],
      ['tel er maar drieëntwintig bij alsjeblieft', 'IncrementIntent', add('23')],
      ['stop maar', 'AMAZON.StopIntent'],
    ],
    'ar-SA': [
      ['أضيفي مئتين لو سمحتي', 'IncrementIntent', add('200')],
      ['ساعديني', 'AMAZON.HelpIntent'],
      ['وقفي', 'AMAZON.StopIntent'],
    ],
    'ja-JP': [
      ['えっと、百五を足してください', 'IncrementIntent', add('105')],
      ['じゃあ七足して', 'IncrementIntent', add('7')],
      ['ごを足して', 'IncrementIntent', add('5')],
      ['にじゅうさんを足して', 'IncrementIntent', add('23')],
      ['ひゃくご足してください', 'IncrementIntent', add('105')],
    ],
  };
  /** The words added above make none of these a request to the counter. */
  const unrelated: Record<string, string[]> = {
    'de-DE': ['noch ein bier bitte', 'mach mal noch das licht an', 'wie ist das wetter noch mal'],
    'es-MX': ['ya pon música porfa', 'ya apaga la luz', 'porfa llama a mi mamá', 'ponle música porfa'],
    'hi-IN': ['light on करो', 'music play करो', 'please five minute का timer लगाओ'],
    'nl-NL': ['zet maar wat muziek op', 'doe het licht maar aan', 'bel mijn moeder maar'],
    'ar-SA': ['شغلي أغنية لو سمحتي', 'ساعديني في الطبخ'],
  };

  for (const [locale, expected] of Object.entries(cases)) {
    describe(locale, () => {
      const resolver = ownModel(locale);
      expectTolerant(resolver, expected);
      expectFallback(resolver, unrelated[locale] ?? []);
    });
  }

  it('names Japanese words left out as written, not kana by kana', () => {
    expect(understood(ownModel('ja-JP'), 'えっと、百五を足してください')).to.deep.include({
      ignored: ['えっと', 'ください'],
    });
  });
});
