import { readInvocationName, readLocaleListings } from '../../tools/project/skill-package';
import { PROJECT_ROOT } from './project-copy';

/** The invocation name the tests say, read from the project so that they hold after `npm run rename`. */
export const INVOCATION = readInvocationName('en-US', PROJECT_ROOT);

/** The skill's English name, as skill.json lists it and the welcome says it. */
export const SKILL_NAME = readLocaleListings(PROJECT_ROOT)['en-US'].name ?? '';
