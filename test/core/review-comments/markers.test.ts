import { hasSummaryMarker, inlineKey, inlineMarker, readInlineKeys, reviewMarker, SUMMARY_MARKER } from '../../../src/core/review-comments/markers.js';

describe('hidden markers', () => {
  it('round-trips inline keys through a comment body', () => {
    const keys = [inlineKey('0123456789abcdef', 'egress/github'), inlineKey('0123456789abcdef', 'egress/other')];
    expect(readInlineKeys(`text\n\n${inlineMarker(keys)}`)).toEqual(keys);
  });

  it('gives a new entry in the same finding its own key', () => {
    expect(inlineKey('0123456789abcdef', 'a/x')).not.toBe(inlineKey('0123456789abcdef', 'a/y'));
  });

  it('keeps text from manifests out of the marker, so a hostile name cannot close it', () => {
    const key = inlineKey('0123456789abcdef', 'ns/evil --> <!-- serviceentry-guard:summary -->');
    expect(key).toMatch(/^[0-9a-f]{16}\.[0-9a-f]{12}$/);
    expect(hasSummaryMarker(inlineMarker([key]))).toBe(false);
  });

  it('ignores marker-shaped text with keys of the wrong shape', () => {
    expect(readInlineKeys('<!-- serviceentry-guard:inline abc -->')).toEqual([]);
  });

  it('recognises the summary marker', () => {
    expect(hasSummaryMarker(`${SUMMARY_MARKER}\n### ServiceEntry Guard`)).toBe(true);
    expect(hasSummaryMarker('### ServiceEntry Guard')).toBe(false);
  });

  it('marks a review by its comments and commit, in any order', () => {
    expect(reviewMarker(['b', 'a'], 'c1')).toBe(reviewMarker(['a', 'b'], 'c1'));
    expect(reviewMarker(['a'], 'c1')).not.toBe(reviewMarker(['a'], 'c2'));
  });
});
