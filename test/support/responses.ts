import { expect } from 'chai';
import { ResponseEnvelope } from 'ask-sdk-model';

/** The SSML text Alexa would speak, without the <speak> tags. */
export function speechOf(response: ResponseEnvelope): string {
  const speech = response.response.outputSpeech;
  expect(speech?.type, 'outputSpeech type').to.equal('SSML');
  return speech?.type === 'SSML' ? speech.ssml.replace(/^<speak>|<\/speak>$/g, '') : '';
}

/** Checks the parts of a response envelope that Alexa requires before it will speak it. */
export function expectValidResponse(response: ResponseEnvelope): void {
  expect(response.version).to.equal('1.0');
  expect(response.response).to.be.an('object');
  const speech = response.response.outputSpeech;
  if (speech) {
    expect(speech.type).to.equal('SSML');
    if (speech.type === 'SSML') expect(speech.ssml).to.match(/^<speak>[^<>]*<\/speak>$/);
  }
  const reprompt = response.response.reprompt?.outputSpeech;
  if (reprompt?.type === 'SSML') expect(reprompt.ssml).to.match(/^<speak>[^<>]*<\/speak>$/);
  expect(JSON.stringify(response).length, 'Alexa rejects responses over 120 KB').to.be.below(120 * 1024);
}

export function expectSessionOpen(response: ResponseEnvelope): void {
  expect(response.response.shouldEndSession).to.equal(false);
  expect(response.response.reprompt?.outputSpeech).to.be.an('object');
}
