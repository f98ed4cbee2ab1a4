import type { ui } from 'ask-sdk-model';

/** What `ask dialog` prints for speech: the caption, plain text with the SSML tags removed. */
export function captionOf(speech: ui.OutputSpeech | undefined): string | undefined {
  if (!speech) return undefined;
  if (speech.type === 'PlainText') return speech.text;
  return ssmlToText(speech.ssml);
}

export function ssmlToText(ssml: string): string {
  return (
    ssml
      // pauses and paragraph or sentence marks separate words; other tags sit inside the text
      .replace(/<\/?(break|p|s|speak)\b[^>]*>/g, ' ')
      .replace(/<[^>]*>/g, '')
      .replace(/&(lt|gt|quot|apos|amp);/g, (_, entity: string) => ENTITIES[entity])
      .replace(/\s+/g, ' ')
      .trim()
  );
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' };
