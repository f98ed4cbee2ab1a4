import { Speech } from '../speech';

export const ptBR: Speech = {
  welcome: (count) =>
    count === 0
      ? 'Boas-vindas ao Olá Contador. Seu contador salvo está em 0. ' +
        'Você pode dizer oi, somar um número ou perguntar o total.'
      : `Que bom que você voltou. Seu contador salvo está em ${count}. ` +
        'Você pode dizer oi, somar um número ou perguntar o total.',
  reprompt: 'Diga oi, some um número ou pergunte o total.',
  hello: (count) => `Olá, mundo! Seu contador salvo está em ${count}.`,
  added: (amount, count) => `Somei ${amount}. Seu contador salvo está em ${count}.`,
  amountNotAllowed: (min, max) =>
    `Eu posso somar números inteiros de ${min} a ${max}. Seu contador não mudou. Tente dizer: “soma 5”.`,
  currentCount: (count) => `Seu contador está em ${count}.`,
  reset: 'Seu contador voltou para 0.',
  help:
    'Eu guardo um contador para você. Para contar, diga “oi” ou “soma 1”. Você também pode somar um número até 1000, ' +
    'perguntar qual é o total ou dizer “zera” para começar do zero. O que você quer fazer?',
  goodbye: (count) => `Tchau. Seu contador está em ${count}.`,
  goodbyeHome: 'Tchau.',
  fallback: 'Desculpe, não posso ajudar com isso. Diga ajuda para saber o que eu posso fazer.',
  storageUnavailable: 'Desculpe, não consigo acessar seu contador salvo agora. Tente de novo daqui a pouco.',
  tooManyUpdates:
    'Desculpe, muitas atualizações do seu contador estão chegando ao mesmo tempo e não consegui confirmar esta. Pergunte qual é o total para conferir.',
  savedDataTooLarge:
    'Desculpe, seus dados salvos ficaram grandes demais para eu salvar, então seu contador não pode mudar. Ele continua como estava.',
  somethingWentWrong: 'Desculpe, não consegui fazer o que você pediu. Tente de novo.',
};
