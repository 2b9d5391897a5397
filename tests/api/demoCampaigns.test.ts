import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MUST_SAY_KEYS } from '../../src/shared/mustSay.ts';
import { loadDemoCampaigns } from '../../src/server/seed/demoCampaigns.ts';

const FILE = new URL('../../src/server/seed/demoCampaigns.json', import.meta.url);

describe('the demo campaigns, kept as a campaign file', () => {
  it('load through the import parser, each with its fixed ids and all seven elements in Chinese and English', () => {
    const campaigns = loadDemoCampaigns(FILE);
    expect(campaigns.length).toBeGreaterThan(0);
    expect(new Set(campaigns.map((c) => c.campaign.id)).size).toBe(campaigns.length);
    for (const { campaign, talkTrack } of campaigns) {
      for (const key of MUST_SAY_KEYS) {
        expect(talkTrack.elements[key].zh.trim(), `${campaign.offerCode} ${key}`).not.toBe('');
        expect(talkTrack.elements[key].en?.trim(), `${campaign.offerCode} ${key}`).toBeTruthy();
      }
    }
  });

  it('a wrong field stops the start with its line and field, as an import would', () => {
    const text = readFileSync(FILE, 'utf8').replace('"category": "broadband"', '"category": "fibre"');
    const path = join(mkdtempSync(join(tmpdir(), 'demo-')), 'demoCampaigns.json');
    writeFileSync(path, text);
    const line = text.split('\n').findIndex((l) => l.includes('"fibre"')) + 1;
    expect(line).toBeGreaterThan(0);
    expect(() => loadDemoCampaigns(new URL(`file://${path}`))).toThrow(new RegExp(`line ${line}, campaigns\\.\\d+\\.campaign\\.category`));
  });
});
