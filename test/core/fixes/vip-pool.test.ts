import { collectUsedAddresses, DEFAULT_VIP_POOL, pickVip } from '../../../src/core/fixes/vip-pool.js';
import type { ServiceEntry } from '../../../src/core/model.js';

const entry = (addresses: string[]) => ({ addresses } as unknown as ServiceEntry);

describe('choosing a VIP', () => {
  test('the same entry always gets the same address, inside the pool', () => {
    const used = collectUsedAddresses([]);
    const a = pickVip(DEFAULT_VIP_POOL, 'egress/github', used);
    expect(a).toBe(pickVip(DEFAULT_VIP_POOL, 'egress/github', used));
    expect(a).toMatch(/^240\.241\.\d+\.\d+$/);
    expect(pickVip(DEFAULT_VIP_POOL, 'egress/gitlab', used)).not.toBe(a);
  });

  test('addresses listed by any entry, or inside any listed CIDR, are skipped', () => {
    const first = pickVip('10.9.0.0/29', 'x', collectUsedAddresses([]))!;
    const taken = collectUsedAddresses([entry([first])]);
    const second = pickVip('10.9.0.0/29', 'x', taken)!;
    expect(second).not.toBe(first);
    expect(pickVip('10.9.0.0/29', 'x', collectUsedAddresses([entry(['10.9.0.0/29'])]))).toBeUndefined();
  });

  test('never the network or broadcast address of the pool', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) seen.add(pickVip('10.9.0.0/30', `e${i}`, collectUsedAddresses([]))!);
    expect([...seen].sort()).toEqual(['10.9.0.1', '10.9.0.2']);
  });

  test('a malformed or IPv6 pool gives no address', () => {
    expect(pickVip('not-a-cidr', 'x', collectUsedAddresses([]))).toBeUndefined();
    expect(pickVip('2001:db8::/64', 'x', collectUsedAddresses([]))).toBeUndefined();
  });
});
