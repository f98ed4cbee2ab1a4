import { expect } from 'chai';
import { join } from 'node:path';
import { readInteractionModel, type InteractionModel } from '../../../tools/dialog/interaction-model';
import { createUtteranceResolver, type Understanding } from '../../../tools/dialog/utterance-resolver';

/**
 * The simulator in each language Alexa custom skills speak: invocation phrasing, one-shot requests, numbers in
 * words, built-in intents and the exit phrases, on a small counter model written in that language.
 */
const SKILL_ID = 'amzn1.ask.skill.00000000-0000-0000-0000-000000000000';
const BUILT_IN_INTENTS = [
  'AMAZON.HelpIntent',
  'AMAZON.StopIntent',
  'AMAZON.CancelIntent',
  'AMAZON.NavigateHomeIntent',
  'AMAZON.YesIntent',
  'AMAZON.NoIntent',
  'AMAZON.FallbackIntent',
];

function counterModel(invocationName: string, addSamples: string[]): InteractionModel {
  return {
    interactionModel: {
      languageModel: {
        invocationName,
        intents: [
          { name: 'AddIntent', slots: [{ name: 'amount', type: 'AMAZON.NUMBER' }], samples: addSamples },
          ...BUILT_IN_INTENTS.map((name) => ({ name, samples: [] })),
        ],
      },
    },
  };
}

interface LanguageCase {
  locale: string;
  model: InteractionModel;
  launch: string[];
  /** One-shot requests that add 23 in a new session. */
  addTwentyThree: string[];
  /** In a session: the built-in intents' phrases, by intent. */
  builtIns: Record<string, string>;
  exit: string;
}

const LANGUAGES: LanguageCase[] = [
  {
    locale: 'en-GB',
    model: counterModel('hello counter', ['add {amount}']),
    launch: ['open hello counter', 'Alexa, start hello counter'],
    addTwentyThree: ['ask hello counter to add twenty three', 'add twenty three with hello counter'],
    builtIns: {
      help: 'what can I say',
      stop: 'stop',
      cancel: 'never mind',
      home: 'go home',
      yes: 'yes',
      no: 'no',
    },
    exit: 'exit',
  },
  {
    locale: 'de-DE',
    model: counterModel('hallo zähler', ['addiere {amount}', 'zähle {amount} dazu']),
    launch: ['öffne hallo zähler', 'Alexa, starte Hallo Zähler'],
    addTwentyThree: [
      'sag hallo zähler addiere dreiundzwanzig',
      'öffne hallo zähler und zähle dreiundzwanzig dazu',
    ],
    builtIns: {
      help: 'hilfe',
      stop: 'stopp',
      cancel: 'abbrechen',
      home: 'zur startseite',
      yes: 'ja',
      no: 'nein',
    },
    exit: 'beenden',
  },
  {
    locale: 'es-MX',
    model: counterModel('mi contador', ['suma {amount}', 'sume {amount}']),
    launch: ['abre mi contador', 'Alexa, inicia mi contador'],
    addTwentyThree: ['pide a mi contador que sume veintitrés', 'suma veintitrés con mi contador'],
    builtIns: { help: 'ayuda', stop: 'para', cancel: 'cancela', home: 've a inicio', yes: 'sí', no: 'no' },
    exit: 'salir',
  },
  {
    locale: 'fr-CA',
    model: counterModel('mon compteur', ['ajoute {amount}', 'ajouter {amount}']),
    launch: ['ouvre mon compteur', 'Alexa, lance mon compteur'],
    addTwentyThree: [
      'ouvre mon compteur et ajoute vingt-trois',
      'ajoute vingt trois avec mon compteur',
      "demande à mon compteur d'ajouter vingt-trois",
      'Alexa, dis à mon compteur d’ajouter vingt-trois',
    ],
    builtIns: { help: 'aide', stop: 'arrête', cancel: 'annule', home: 'accueil', yes: 'oui', no: 'non' },
    exit: 'quitter',
  },
  {
    locale: 'it-IT',
    model: counterModel('contatore magico', ['aggiungi {amount}', 'aggiungere {amount}']),
    launch: ['apri contatore magico', 'Alexa, avvia contatore magico'],
    addTwentyThree: [
      'chiedi a contatore magico di aggiungere ventitré',
      'aggiungi ventitre con contatore magico',
    ],
    builtIns: { help: 'aiuto', stop: 'basta', cancel: 'annulla', home: 'vai alla home', yes: 'sì', no: 'no' },
    exit: 'esci',
  },
  {
    locale: 'pt-BR',
    model: counterModel('contador mágico', ['adicione {amount}', 'adicionar {amount}']),
    launch: ['abra contador mágico', 'Alexa, abre contador mágico'],
    addTwentyThree: [
      'peça para contador mágico adicionar vinte e três',
      'adicione vinte e três no contador mágico',
      'Alexa, peça para o contador mágico adicionar vinte e três',
      'pede pro contador mágico adicionar vinte e três',
    ],
    builtIns: { help: 'ajuda', stop: 'pare', cancel: 'cancela', home: 'início', yes: 'sim', no: 'não' },
    exit: 'sair',
  },
  {
    locale: 'ja-JP',
    model: counterModel('ハローカウンター', ['{amount}を足して', '{amount} 足して']),
    launch: ['ハローカウンターを開いて', 'アレクサ、ハローカウンターを起動して'],
    addTwentyThree: ['ハローカウンターで二十三を足して', 'ハローカウンターで ２３ を 足して'],
    builtIns: {
      help: 'ヘルプ',
      stop: 'ストップ',
      cancel: 'キャンセル',
      home: 'ホームに戻って',
      yes: 'はい',
      no: 'いいえ',
    },
    exit: '終了',
  },
  {
    locale: 'hi-IN',
    model: counterModel('हेलो काउंटर', ['{amount} जोड़ो', '{amount} जोड़ दो']),
    launch: ['हेलो काउंटर खोलो', 'Alexa, हेलो काउंटर शुरू करो'],
    addTwentyThree: ['हेलो काउंटर से तेईस जोड़ो', 'हेलो काउंटर से पूछो कि २३ जोड़ दो'],
    builtIns: { help: 'मदद', stop: 'रुको', cancel: 'रद्द करो', home: 'होम पर जाओ', yes: 'हाँ', no: 'नहीं' },
    exit: 'बाहर निकलो',
  },
  {
    locale: 'ar-SA',
    model: counterModel('عداد الترحيب', ['أضف {amount}', 'يضيف {amount}']),
    launch: ['افتح عداد الترحيب', 'اليكسا، شغلي عداد الترحيب'],
    addTwentyThree: ['اطلب من عداد الترحيب أن يضيف ثلاثة وعشرين', 'أضف ٢٣ في عداد الترحيب'],
    builtIns: {
      help: 'مساعدة',
      stop: 'توقف',
      cancel: 'إلغاء',
      home: 'الصفحة الرئيسية',
      yes: 'نعم',
      no: 'لا',
    },
    exit: 'خروج',
  },
  {
    locale: 'nl-NL',
    model: counterModel('hallo teller', ['tel {amount} op', '{amount} op te tellen']),
    launch: ['open hallo teller', 'Alexa, start hallo teller'],
    addTwentyThree: [
      'vraag hallo teller om drieëntwintig op te tellen',
      'tel drieëntwintig op met hallo teller',
    ],
    builtIns: { help: 'help', stop: 'stop', cancel: 'annuleer', home: 'naar huis', yes: 'ja', no: 'nee' },
    exit: 'afsluiten',
  },
];

const BUILT_IN_NAMES: Record<string, string> = {
  help: 'AMAZON.HelpIntent',
  stop: 'AMAZON.StopIntent',
  cancel: 'AMAZON.CancelIntent',
  home: 'AMAZON.NavigateHomeIntent',
  yes: 'AMAZON.YesIntent',
  no: 'AMAZON.NoIntent',
};

const amountOf = (understanding: Understanding) =>
  understanding.kind === 'intent' ? understanding.intent.slots?.amount?.value : undefined;

for (const { locale, model, launch, addTwentyThree, builtIns, exit } of LANGUAGES) {
  describe(`the simulator in ${locale}`, () => {
    const resolver = createUtteranceResolver(model, { locale, skillId: SKILL_ID });

    for (const utterance of launch) {
      it(`"${utterance}" opens the skill`, () => {
        expect(resolver.understand(utterance, { inSession: false })).to.deep.equal({ kind: 'launch' });
      });
    }
    for (const utterance of addTwentyThree) {
      it(`"${utterance}" adds 23 in a new session`, () => {
        const understanding = resolver.understand(utterance, { inSession: false });
        expect(understanding).to.deep.include({ kind: 'intent', invoked: true });
        expect(amountOf(understanding)).to.equal('23');
      });
    }
    for (const [name, utterance] of Object.entries(builtIns)) {
      it(`"${utterance}" is ${BUILT_IN_NAMES[name]}`, () => {
        const understanding = resolver.understand(utterance, { inSession: true });
        expect(understanding.kind === 'intent' && understanding.intent.name).to.equal(BUILT_IN_NAMES[name]);
      });
    }
    it(`"${exit}" ends the session`, () => {
      expect(resolver.understand(exit, { inSession: true })).to.deep.equal({ kind: 'end-session' });
    });
  });
}

describe('a one-shot request that fits several invocation phrases', () => {
  const model: InteractionModel = {
    interactionModel: {
      languageModel: {
        invocationName: 'ハローカウンター',
        intents: [
          { name: 'GetCountIntent', samples: ['今いくつ'] },
          { name: 'AMAZON.FallbackIntent', samples: [] },
        ],
      },
    },
  };
  const resolver = createUtteranceResolver(model, { locale: 'ja-JP', skillId: SKILL_ID });

  it('is read by the most specific one: "…に今いくつって聞いて" asks "今いくつ", not "今いくつって聞いて"', () => {
    for (const utterance of [
      'ハローカウンターに今いくつって聞いて',
      'アレクサ、ハローカウンターに今いくつと聞いて',
    ]) {
      const understanding = resolver.understand(utterance, { inSession: false });
      expect(understanding, utterance).to.deep.include({ kind: 'intent', invoked: true });
      expect(understanding.kind === 'intent' && understanding.intent.name, utterance).to.equal(
        'GetCountIntent',
      );
    }
    expect(resolver.understand('ハローカウンターで今いくつ', { inSession: false })).to.deep.include({
      kind: 'intent',
      invoked: true,
    });
  });
});

describe("Amazon's Spanish high-low model resolves Spanish numbers and built-ins offline", () => {
  const path = join(
    __dirname,
    '..',
    '..',
    'fixtures',
    'interaction-models',
    'amazon-samples',
    'highlow.es-ES.json',
  );
  const highLow = createUtteranceResolver(readInteractionModel(path), { locale: 'es-ES', skillId: SKILL_ID });
  const cases: [string, string, string | undefined][] = [
    ['es el veintitrés', 'NumberGuessIntent', '23'],
    ['cincuenta y tres', 'NumberGuessIntent', '53'],
    ['puede ser el ciento cinco', 'NumberGuessIntent', '105'],
    ['mil', 'NumberGuessIntent', '1000'],
    ['ayuda', 'AMAZON.HelpIntent', undefined],
    ['para', 'AMAZON.StopIntent', undefined],
    ['cancela', 'AMAZON.CancelIntent', undefined],
    ['sí', 'AMAZON.YesIntent', undefined],
    ['no', 'AMAZON.NoIntent', undefined],
    ['volver al inicio', 'AMAZON.NavigateHomeIntent', undefined],
  ];
  for (const [utterance, intent, number] of cases) {
    it(`"${utterance}" is ${intent}${number ? ` with number ${number}` : ''}`, () => {
      const understanding = highLow.understand(utterance, { inSession: true });
      expect(understanding.kind === 'intent' && understanding.intent.name).to.equal(intent);
      if (understanding.kind === 'intent') expect(understanding.intent.slots?.number?.value).to.equal(number);
    });
  }
  it('"abre adivina el número" opens it', () => {
    expect(highLow.understand('abre adivina el número', { inSession: false })).to.deep.equal({
      kind: 'launch',
    });
  });
});

describe('a locale the simulator does not speak', () => {
  it('is refused with the languages it speaks and how to add one', () => {
    expect(() =>
      createUtteranceResolver(counterModel('x y', []), { locale: 'sv-SE', skillId: SKILL_ID }),
    ).to.throw(/does not speak the language of sv-SE; it speaks ar, de, en, .*tools\/languages/);
  });
});
