import { describe, expect, it } from 'vitest';
import { searchVariables } from './searchInput';

describe('searchVariables', () => {
  it('adds exact lookups for the shapes the full-text search does not cover', () => {
    expect(searchVariables(' (703) 555-0103 ', 8)).toMatchObject({ text: '(703) 555-0103', isPhone: true, phone: '(703) 555-0103', isEmail: false, isCaseNumber: false });
    expect(searchVariables('Net0.Bookings@mail.example', 8)).toMatchObject({ isEmail: true, email: 'net0.bookings@mail.example', isHandle: false, isCaseNumber: false });
    expect(searchVariables('instagram:@Lia_B', 8)).toMatchObject({ isHandle: true, platform: 'instagram', handle: 'lia_b' });
    expect(searchVariables('mc-2023-000100', 8)).toMatchObject({ isCaseNumber: true, caseNumber: 'MC-2023-000100', isAdId: true, adId: 'mc-2023-000100' });
    expect(searchVariables('Tom Garland', 8)).toMatchObject({ isPhone: false, isEmail: false, isHandle: false, isCaseNumber: false, isAdId: false, first: 8 });
  });
});
