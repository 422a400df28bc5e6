import { DEV_JWT_SECRET } from '@heli/auth';
import { EnvError, loadEnv } from '@heli/service-kit';
import { describe, expect, it } from 'vitest';
import { liaisonEnvSchema } from './env.js';
import { liaisonSettingsFrom } from './server.js';

const required = {
  PORT: '4006',
  MONGODB_URI: 'mongodb://127.0.0.1:27018',
  JWT_SECRET: DEV_JWT_SECRET,
};
const key = {
  kty: 'OKP',
  crv: 'Ed25519',
  d: 'kiy6up1L4kUzk6sywyKj3wOwne94-iQpq-ScZgduKP8',
  x: 'OnjiVRa5iucxh2OfPrGu9UhqS4Ei9MOPgI2d-y6XBZo',
  kid: 'office-daoli-2026',
};
const link = {
  officeId: 'office-harbin',
  name: '中共哈尔滨市委办公厅',
  relation: 'HIGHER',
  url: 'https://liaison.harbin.example',
  maxClassification: 'CONFIDENTIAL',
  publicKeys: [{ kty: 'OKP', crv: 'Ed25519', x: key.x, kid: 'office-harbin-2026' }],
};

describe('liaisonEnvSchema', () => {
  it('wants the office, its name and its key outside the demo, naming each', () => {
    const load = () => loadEnv(liaisonEnvSchema, required);
    expect(load).toThrow(EnvError);
    expect(load).toThrow(/LIAISON_OFFICE_ID[\s\S]*LIAISON_OFFICE_NAME[\s\S]*LIAISON_SIGNING_KEY/);
  });

  it('reads a configured office with its links', async () => {
    const env = loadEnv(liaisonEnvSchema, {
      ...required,
      LIAISON_OFFICE_ID: 'office-daoli',
      LIAISON_OFFICE_NAME: '中共哈尔滨市道里区委办公室',
      LIAISON_SIGNING_KEY: JSON.stringify(key),
      LIAISON_LINKS: JSON.stringify([link]),
    });
    const settings = await liaisonSettingsFrom(env);
    expect(settings.office).toEqual({
      id: 'office-daoli',
      name: '中共哈尔滨市道里区委办公室',
      secretariatDivisionId: null,
    });
    expect(settings.signingKey.publicJwk).toEqual({
      kty: 'OKP',
      crv: 'Ed25519',
      x: key.x,
      kid: key.kid,
    });
    expect(settings.links).toEqual([link]);
  });

  it('refuses links that are not JSON, a relation it does not know and an office linked twice', () => {
    const withLinks = (links: string) => () =>
      loadEnv(liaisonEnvSchema, { ...required, DEMO_DATA: 'true', LIAISON_LINKS: links });
    expect(withLinks('[{')).toThrow(/LIAISON_LINKS.*JSON/);
    expect(withLinks(JSON.stringify([{ ...link, relation: 'SIDEWAYS' }]))).toThrow(/LIAISON_LINKS/);
    expect(withLinks(JSON.stringify([link, link]))).toThrow(/one link only/);
  });

  it('runs the demo office with a throw-away key when asked to', async () => {
    const settings = await liaisonSettingsFrom(
      loadEnv(liaisonEnvSchema, { ...required, DEMO_DATA: 'true' }),
    );
    expect(settings.office).toEqual({
      id: 'office-harbin',
      name: '中共哈尔滨市委办公厅',
      secretariatDivisionId: 'div-secretariat',
    });
    expect(settings.links).toEqual([]);
  });
});
