import { readInvocationName } from '../../tools/project/skill-package';
import { PROJECT_ROOT } from './project-copy';

/** The invocation name the tests say, read from the project so that they hold after `npm run rename`. */
export const INVOCATION = readInvocationName('en-US', PROJECT_ROOT);
