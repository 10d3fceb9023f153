import { describe, expect, it } from 'vitest';
import { authHeaders, setAgentToken, withoutToken } from './agentToken.ts';

describe('withoutToken', () => {
  it('takes the token out of the hash and keeps the rest in order', () => {
    expect(withoutToken('#src=live&token=s3cret&view=matrix')).toEqual({
      token: 's3cret',
      hash: '#src=live&view=matrix',
    });
    expect(withoutToken('#token=abc')).toEqual({ token: 'abc', hash: '' });
  });

  it('leaves a hash without a token alone', () => {
    expect(withoutToken('#src=live')).toEqual({ token: undefined, hash: '#src=live' });
    expect(withoutToken('')).toEqual({ token: undefined, hash: '' });
  });
});

describe('authHeaders', () => {
  it('sends the bearer token once one is set, and nothing after it is cleared', () => {
    setAgentToken('  t0k  ');
    expect(authHeaders()).toEqual({ Authorization: 'Bearer t0k' });
    setAgentToken(undefined);
    expect(authHeaders()).toEqual({});
  });
});
