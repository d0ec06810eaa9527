import { analyzeMeshes } from '../../../src/core/analysis/analyze-meshes.js';
import type { Finding } from '../../../src/core/model.js';
import { LISTED_CAPTURE_CANDIDATES } from '../../../src/core/render/json-findings.js';
import { toJsonCheckReport } from '../../../src/core/render/json.js';
import { fileMesh, tcpEntry } from '../../helpers/meshes.js';

/** `count` TCP entries on 443 without addresses or creation times: any of them may hold the match-all chain. */
function sharedPort(count: number): Finding[] {
  const text = Array.from({ length: count }, (_, i) => tcpEntry(`svc-${i}`, `host-${i}.example.com`)).join('---\n');
  return analyzeMeshes([fileMesh('default', [{ path: 'egress.yaml', text }])]).findings;
}

describe('the JSON report lists the possible holders of a port once', () => {
  test('a capture finding whose candidates the collision lists names its first ones, counts the rest and points at that collision', () => {
    const findings = sharedPort(LISTED_CAPTURE_CANDIDATES + 15);
    const collision = findings.find((f) => f.rule === 'tcp-shadowed')!;
    const capture = findings.find((f) => f.rule === 'tcp-captures-port')!;
    expect(capture.entries).toHaveLength(LISTED_CAPTURE_CANDIDATES + 15);

    const json = toJsonCheckReport(findings, [], LISTED_CAPTURE_CANDIDATES + 15);
    const captureJson = json.findings.find((f) => f.rule === 'tcp-captures-port')!;
    expect(captureJson.entries.map((e) => e.ref)).toEqual(capture.entries.slice(0, LISTED_CAPTURE_CANDIDATES).map((e) => e.ref));
    expect(captureJson.omittedEntries).toEqual({ count: 15, listedIn: [collision.id] });
    // What identifies the finding is computed over every candidate, as before.
    expect(captureJson.id).toBe(capture.id);
    expect(captureJson.membersFingerprint).toBe(capture.membersFingerprint);
    // Every omitted candidate is in the collision the report points at.
    const listed = new Set(json.findings.find((f) => f.id === collision.id)!.entries.map((e) => e.ref));
    expect(capture.entries.every((e) => listed.has(e.ref))).toBe(true);
  });

  test('a few candidates are listed in full', () => {
    const findings = sharedPort(LISTED_CAPTURE_CANDIDATES);
    const captureJson = toJsonCheckReport(findings, [], LISTED_CAPTURE_CANDIDATES).findings.find((f) => f.rule === 'tcp-captures-port')!;
    expect(captureJson.entries).toHaveLength(LISTED_CAPTURE_CANDIDATES);
    expect(captureJson).not.toHaveProperty('omittedEntries');
  });

  test('candidates no other finding of the report lists (its collision suppressed or baselined) are listed in full', () => {
    const findings = sharedPort(LISTED_CAPTURE_CANDIDATES + 5).filter((f) => f.rule === 'tcp-captures-port');
    const captureJson = toJsonCheckReport(findings, [], LISTED_CAPTURE_CANDIDATES + 5).findings[0]!;
    expect(captureJson.entries).toHaveLength(LISTED_CAPTURE_CANDIDATES + 5);
    expect(captureJson).not.toHaveProperty('omittedEntries');
  });
});
