import {
  absenceFromAutomaticReplies,
  type AutomaticRepliesSetting,
} from '../../../services/directory';

const window = (start: string, end: string, timeZone = 'UTC'): AutomaticRepliesSetting => ({
  status: 'scheduled',
  scheduledStartDateTime: { dateTime: `${start}.0000000`, timeZone },
  scheduledEndDateTime: { dateTime: `${end}.0000000`, timeZone },
});

describe('absenceFromAutomaticReplies', () => {
  it('counts always-on automatic replies as absent with no known end, ignoring stale dates', () => {
    const stale = {
      ...window('2020-01-01T00:00:00', '2020-01-02T00:00:00'),
      status: 'alwaysEnabled' as const,
    };
    expect(absenceFromAutomaticReplies(stale, new Date('2026-11-24T12:00:00Z'))).toEqual({
      absent: true,
      until: null,
    });
  });

  it('counts disabled automatic replies as present even with a window around now', () => {
    const stale = {
      ...window('2026-11-20T00:00:00', '2026-11-30T00:00:00'),
      status: 'disabled' as const,
    };
    expect(absenceFromAutomaticReplies(stale, new Date('2026-11-24T12:00:00Z')).absent).toBe(false);
  });

  it('counts no mailbox settings as present', () => {
    expect(absenceFromAutomaticReplies(null, new Date()).absent).toBe(false);
    expect(absenceFromAutomaticReplies(undefined, new Date()).absent).toBe(false);
  });

  it.each([
    ['before the window', '2026-11-23T06:59:59Z', false],
    ['at its start', '2026-11-23T07:00:00Z', true],
    ['inside it', '2026-11-25T12:00:00Z', true],
    ['at its end', '2026-11-27T16:00:00Z', false],
    ['after it', '2026-12-01T00:00:00Z', false],
  ])('reads a scheduled absence %s as absent=%s', (_case, now, absent) => {
    const setting = window('2026-11-23T07:00:00', '2026-11-27T16:00:00');
    expect(absenceFromAutomaticReplies(setting, new Date(now)).absent).toBe(absent);
  });

  it('tells until when a scheduled absence lasts', () => {
    const setting = window('2026-11-23T07:00:00', '2026-11-27T16:00:00');
    expect(absenceFromAutomaticReplies(setting, new Date('2026-11-24T00:00:00Z')).until).toEqual(
      new Date('2026-11-27T16:00:00Z'),
    );
  });

  it.each([
    ['an IANA zone', 'Europe/Berlin'],
    ['a Windows zone', 'W. Europe Standard Time'],
  ])('reads the window in the zone it names (%s)', (_case, timeZone) => {
    // 08:00 in Berlin (winter) is 07:00 UTC.
    const setting = window('2026-11-23T08:00:00', '2026-11-23T10:00:00', timeZone);
    expect(absenceFromAutomaticReplies(setting, new Date('2026-11-23T06:30:00Z')).absent).toBe(
      false,
    );
    expect(absenceFromAutomaticReplies(setting, new Date('2026-11-23T07:30:00Z')).absent).toBe(
      true,
    );
    expect(absenceFromAutomaticReplies(setting, new Date('2026-11-23T08:30:00Z')).absent).toBe(
      true,
    );
    expect(absenceFromAutomaticReplies(setting, new Date('2026-11-23T09:30:00Z')).absent).toBe(
      false,
    );
  });

  it('counts a scheduled absence without a usable window as present', () => {
    expect(
      absenceFromAutomaticReplies({ status: 'scheduled', scheduledStartDateTime: null }, new Date())
        .absent,
    ).toBe(false);
  });
});
