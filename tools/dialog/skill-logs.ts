import { format } from 'node:util';
import type { Skill } from './conversation';

const CONSOLE_METHODS = ['log', 'info', 'debug', 'warn', 'error'] as const;

/**
 * The skill runs in this process and logs with `console`, which would land in the middle of the transcript.
 * While it handles a request, its log lines go to `log` instead (on a device they would go to CloudWatch).
 * Requests are handled one at a time, so nothing else logs in between.
 */
export function withSkillLogsTo(skill: Skill, log: (line: string) => void): Skill {
  return {
    async invoke(request) {
      const originals = CONSOLE_METHODS.map((method) => console[method]);
      for (const method of CONSOLE_METHODS) console[method] = (...args: unknown[]) => log(format(...args));
      try {
        return await skill.invoke(request);
      } finally {
        CONSOLE_METHODS.forEach((method, index) => (console[method] = originals[index]));
      }
    },
  };
}
