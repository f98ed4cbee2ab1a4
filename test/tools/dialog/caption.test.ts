import { expect } from 'chai';
import { captionOf } from '../../../tools/dialog/caption';

describe('captions: what ask dialog prints for speech', () => {
  it('is the SSML without its tags, entities decoded', () => {
    const ssml =
      '<speak>Welcome back. Your saved counter is <say-as interpret-as="cardinal">6</say-as>.' +
      '<break time="500ms"/>Tom &amp; Jerry say <emphasis level="strong">hi</emphasis>!</speak>';
    expect(captionOf({ type: 'SSML', ssml })).to.equal(
      'Welcome back. Your saved counter is 6. Tom & Jerry say hi!',
    );
  });

  it('keeps words apart across paragraphs and sentences, and drops audio', () => {
    const ssml = '<speak><p>One.</p><p>Two<audio src="https://example.com/a.mp3"/></p><s>Three</s></speak>';
    expect(captionOf({ type: 'SSML', ssml })).to.equal('One. Two Three');
  });

  it('is the text of plain-text speech, and nothing without speech', () => {
    expect(captionOf({ type: 'PlainText', text: 'Hi there.' })).to.equal('Hi there.');
    expect(captionOf(undefined)).to.equal(undefined);
  });
});
