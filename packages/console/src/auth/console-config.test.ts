import { describe, expect, it } from 'vitest';
import { parseConsoleConfig } from './console-config';

const oidc = {
  mode: 'oidc',
  issuer: 'https://idp.example.gov.cn/realms/heli',
  clientId: 'heli-console',
  scope: 'openid profile heli',
};

describe('the console configuration', () => {
  it('given development sign-in, when parsed, then the mode is dev', () => {
    expect(parseConsoleConfig({ signIn: { mode: 'dev' } })).toEqual({ signIn: { mode: 'dev' } });
  });

  it('given the provider sign-in with a resource, when parsed, then every field is kept', () => {
    expect(parseConsoleConfig({ signIn: { ...oidc, resource: 'urn:heli:graph' } })).toEqual({
      signIn: { ...oidc, resource: 'urn:heli:graph' },
    });
  });

  it('given no resource, when parsed, then none is sent', () => {
    expect(parseConsoleConfig({ signIn: oidc }).signIn).not.toHaveProperty('resource');
  });

  it.each([
    [{}, '"signIn" is missing'],
    [{ signIn: { mode: 'saml' } }, '"signIn.mode" must be "dev" or "oidc"'],
    [{ signIn: { ...oidc, clientId: '' } }, '"signIn.clientId" must be a non-empty string'],
    [{ signIn: { ...oidc, issuer: 'idp' } }, '"signIn.issuer" is not a URL'],
    [{ signIn: { ...oidc, scope: 'profile heli' } }, '"signIn.scope" must include openid'],
    [{ signIn: { ...oidc, resource: 3 } }, '"signIn.resource" must be a non-empty string'],
  ])('given %j, when parsed, then it is refused naming the field', (raw, reason) => {
    expect(() => parseConsoleConfig(raw)).toThrow(reason);
  });
});
