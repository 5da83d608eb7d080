/** Routes for a text file sent in personal chat that the pasted-output route could not use. */

import { inertText } from '../cards/inert-text.js';
import { t } from '../i18n/messages.js';
import { textResult, type Route } from './route-table.js';

/** Creates the route that explains a file that was not read (too large, download failed); it runs before pastes. */
export function createFileNotReadRoute(maxBytes: number): Route {
  return {
    id: 'file-not-read',
    matches: (input) => input.action === undefined && input.file !== undefined && 'problem' in input.file,
    handle: (input) => {
      const file = input.file;
      const name = inertText(file?.name ?? '');
      if (file && 'problem' in file && file.problem === 'too-large')
        return textResult(
          t(input.language, 'file.tooLarge', { name, kb: Math.floor(maxBytes / 1024) }),
          input.language,
        );
      return textResult(t(input.language, 'file.failed', { name }), input.language);
    },
  };
}

/** Creates the route for a file that was read but held no output the parsers know; it runs after pastes. */
export function createFileWithoutOutputRoute(): Route {
  return {
    id: 'file-without-output',
    matches: (input) => input.action === undefined && input.file !== undefined && 'text' in input.file,
    handle: (input) => ({
      ...textResult(t(input.language, 'file.unreadable', { name: inertText(input.file?.name ?? '') }), input.language),
      outcome: { kind: 'unreadable-output' },
    }),
  };
}
