/// <reference types="mocha" />
import { expect } from '@open-wc/testing';
import { LatestLoad } from './latest-load.js';

describe('LatestLoad', () => {
  it('keeps only the latest load current, so an earlier answer that lands late is dropped', async () => {
    const loads = new LatestLoad();
    const shown: string[] = [];
    const load = async (answer: string, delayMs: number) => {
      const current = loads.start();
      await new Promise((r) => setTimeout(r, delayMs));
      if (current()) shown.push(answer);
    };
    // The unfiltered list is slow; the filter applied meanwhile answers first.
    await Promise.all([load('everything', 40), load('filtered', 5)]);
    expect(shown).to.deep.equal(['filtered']);
  });
});
