// The update feed is off unless the build names an HTTPS folder.
import { readFileSync } from 'node:fs';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { publishArguments } from '../../../scripts/packaging/update-feed';

describe('update feed at build time', () => {
  it('is off without FERNWARTUNG_UPDATE_URL, and the builder config guesses none', () => {
    expect(publishArguments({})).toEqual([]);
    expect(publishArguments({ FERNWARTUNG_UPDATE_URL: '  ' })).toEqual([]);
    const config = yaml.load(readFileSync('electron-builder.yml', 'utf8')) as { publish?: unknown };
    expect(config.publish).toBeNull();
  });

  it('becomes a generic provider for an https URL', () => {
    expect(publishArguments({ FERNWARTUNG_UPDATE_URL: 'https://updates.example.org/fernwartung/' })).toEqual([
      '-c.publish.provider=generic',
      '-c.publish.url=https://updates.example.org/fernwartung/',
    ]);
  });

  it('refuses plain HTTP, credentials in the URL and what is no URL', () => {
    expect(() => publishArguments({ FERNWARTUNG_UPDATE_URL: 'http://updates.example.org/' })).toThrow(
      /https/,
    );
    expect(() => publishArguments({ FERNWARTUNG_UPDATE_URL: 'https://u:p@updates.example.org/' })).toThrow(
      /credentials/,
    );
    expect(() => publishArguments({ FERNWARTUNG_UPDATE_URL: 'updates.example.org' })).toThrow(/not a URL/);
  });
});
