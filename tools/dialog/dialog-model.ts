import type { Intent } from 'ask-sdk-model';
import { ssmlToText } from './caption';
import { findDialogIntent, type InteractionModel } from './interaction-model';

/** What Alexa does next in a delegated dialog, from the model's dialog section. */
export type DialogStep =
  | { kind: 'elicit-slot'; slotName: string; prompt: string }
  | { kind: 'confirm-slot'; slotName: string; prompt: string }
  | { kind: 'confirm-intent'; prompt: string }
  | { kind: 'complete' };

/** Requests for intents in the model's dialog section carry a `dialogState`. */
export function hasDialog(model: InteractionModel, intentName: string): boolean {
  return findDialogIntent(model, intentName) !== undefined;
}

/** Auto delegation: Alexa runs the whole dialog and calls the skill once, when it is complete. */
export function delegatesAutomatically(model: InteractionModel, intentName: string): boolean {
  const strategy =
    findDialogIntent(model, intentName)?.delegationStrategy ??
    model.interactionModel.dialog?.delegationStrategy;
  return hasDialog(model, intentName) && strategy === 'ALWAYS';
}

/**
 * Slot by slot in the model's order: ask for a required slot that is empty (or was denied), confirm a filled
 * slot that needs it; then confirm the intent if the model asks for it.
 */
export function nextDialogStep(model: InteractionModel, intent: Intent): DialogStep {
  const dialogIntent = findDialogIntent(model, intent.name);
  for (const slot of dialogIntent?.slots ?? []) {
    const sent = intent.slots?.[slot.name];
    if (slot.elicitationRequired && (!sent?.value || sent.confirmationStatus === 'DENIED')) {
      return {
        kind: 'elicit-slot',
        slotName: slot.name,
        prompt: promptText(model, slot.prompts?.elicitation, intent),
      };
    }
    if (slot.confirmationRequired && sent?.value && sent.confirmationStatus === 'NONE') {
      return {
        kind: 'confirm-slot',
        slotName: slot.name,
        prompt: promptText(model, slot.prompts?.confirmation, intent),
      };
    }
  }
  if (dialogIntent?.confirmationRequired && intent.confirmationStatus === 'NONE') {
    return { kind: 'confirm-intent', prompt: promptText(model, dialogIntent.prompts?.confirmation, intent) };
  }
  return { kind: 'complete' };
}

/** Alexa picks a variation at random; the first one keeps transcripts the same from run to run. */
function promptText(model: InteractionModel, promptId: string | undefined, intent: Intent): string {
  const variation = model.interactionModel.prompts?.find((prompt) => prompt.id === promptId)?.variations[0];
  if (!variation) return `(the model has no prompt ${promptId ?? 'for this step'})`;
  const text = variation.type === 'SSML' ? ssmlToText(variation.value) : variation.value;
  return text.replace(/\{([^}]+)\}/g, (_, slotName: string) => intent.slots?.[slotName]?.value ?? '');
}
