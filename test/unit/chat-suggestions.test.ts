import { describe, expect, it } from 'vitest';
import { SUGGESTIONS, suggestionsFor } from '../../lambdas/domain/chat/suggestions';

describe('the chat suggestions (quick replies)', () => {
  it('offers options, hardship and a person to a customer with nothing recorded', () => {
    expect(suggestionsFor({}, false)).toEqual(SUGGESTIONS);
  });

  it.each([
    'deceased',
    'vulnerability',
    'bankruptcy',
    'legal_representation',
    'dispute',
    'fraud',
    'stop_contact',
  ] as const)('after %s, only a way to a person', (recorded) => {
    expect(suggestionsFor({ recorded: [recorded] }, false)).toEqual(['person']);
  });

  it('nothing once a person is asked for or has joined', () => {
    expect(suggestionsFor({ recorded: ['person'] }, false)).toEqual([]);
    expect(suggestionsFor({}, true)).toEqual([]);
  });
});
