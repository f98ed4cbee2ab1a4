/**
 * The usual phrases of Alexa's built-in intents, by language. Alexa trains these itself, so models list them
 * with empty samples; a built-in intent only answers when the model declares it.
 * "exit" and "quit" are not here: on a device they close the skill (see END_SESSION_PHRASES).
 */
const BUILT_IN_PHRASES: Record<string, Record<string, string[]>> = {
  en: {
    'AMAZON.HelpIntent': [
      'help',
      'help me',
      'i need help',
      'can you help me',
      'what can i say',
      'what can i do',
      'what can you do',
      'how does this work',
      'what do i do',
    ],
    'AMAZON.StopIntent': [
      'stop',
      'stop it',
      'off',
      'shut up',
      'be quiet',
      'enough',
      "that's enough",
      'i am done',
    ],
    'AMAZON.CancelIntent': [
      'cancel',
      'cancel that',
      'never mind',
      'nevermind',
      'forget it',
      'forget about it',
    ],
    'AMAZON.NavigateHomeIntent': ['go home', 'home', 'go to home', 'go back home', 'go to the home screen'],
    'AMAZON.YesIntent': ['yes', 'yeah', 'yep', 'yes please', 'sure', 'ok', 'okay', 'of course', 'correct'],
    'AMAZON.NoIntent': ['no', 'nope', 'no thanks', 'no thank you', 'not really'],
    'AMAZON.StartOverIntent': ['start over', 'restart', 'start again', 'begin again'],
    'AMAZON.RepeatIntent': ['repeat', 'repeat that', 'say that again', 'say it again', 'again', 'come again'],
    'AMAZON.NextIntent': ['next', 'skip', 'skip this', 'go to the next one'],
    'AMAZON.PreviousIntent': ['previous', 'go back', 'back', 'go to the previous one'],
    'AMAZON.MoreIntent': ['more', 'tell me more'],
    'AMAZON.PauseIntent': ['pause', 'pause that', 'hold on', 'wait'],
    'AMAZON.ResumeIntent': ['resume', 'continue', 'keep going'],
  },
  es: {
    'AMAZON.HelpIntent': ['ayuda', 'ayúdame', 'necesito ayuda', 'qué puedo decir', 'qué puedo hacer'],
    'AMAZON.StopIntent': ['para', 'detente', 'basta', 'stop'],
    'AMAZON.CancelIntent': ['cancela', 'cancelar', 'olvídalo', 'da igual'],
    'AMAZON.NavigateHomeIntent': ['ve a inicio', 'inicio', 'volver al inicio'],
    'AMAZON.YesIntent': ['sí', 'claro', 'vale', 'por supuesto', 'de acuerdo'],
    'AMAZON.NoIntent': ['no', 'no gracias'],
    'AMAZON.StartOverIntent': ['empieza de nuevo', 'volver a empezar'],
    'AMAZON.RepeatIntent': ['repite', 'repítelo', 'otra vez'],
  },
};

const END_SESSION_PHRASES: Record<string, string[]> = {
  en: ['exit', 'quit', 'exit skill', 'quit skill'],
  es: ['salir', 'sal', 'adiós'],
};

export function builtInPhrases(locale: string, intentName: string): string[] {
  return BUILT_IN_PHRASES[language(locale)]?.[intentName] ?? [];
}

export function endSessionPhrases(locale: string): string[] {
  return END_SESSION_PHRASES[language(locale)] ?? [];
}

function language(locale: string): string {
  return locale.split('-')[0].toLowerCase();
}
