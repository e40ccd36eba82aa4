import { redactAttributes, redactLocation } from '../../../bot/telemetry/redaction';

describe('telemetry redaction', () => {
  it.each([
    ['/healthz', '/healthz'],
    ['POST /api/messages', 'POST /api/messages'],
    [
      'https://smba.trafficmanager.net/emea/v3/conversations/a%3A1HkLmNoPqRsTuVwXyZ/activities/42',
      'https://smba.trafficmanager.net/emea/v3/conversations/{id}/activities/42',
    ],
    [
      'http://127.0.0.1:3978/privacy/c2VjcmV0LXRva2VuLXZhbHVlcw.json',
      'http://127.0.0.1:3978/privacy/{id}',
    ],
    ['GET /v1.0/users/anna.schmidt@stadt.example/manager', 'GET /v1.0/users/[E-Mail]/manager'],
    [
      "https://graph.microsoft.com/v1.0/users?$filter=mail eq 'a@b.de'",
      'https://graph.microsoft.com/v1.0/users',
    ],
  ])('redacts the location %s', (location, redacted) => {
    expect(redactLocation(location)).toBe(redacted);
  });

  it('redacts e-mail addresses in every string attribute and leaves numbers alone', () => {
    const attributes: Record<string, unknown> = {
      'url.full': 'https://graph.microsoft.com/v1.0/users/anna@stadt.example?$select=id',
      'http.status_code': 404,
      'db.statement': 'query for anna@stadt.example',
    };
    redactAttributes(attributes);
    expect(attributes).toEqual({
      'url.full': 'https://graph.microsoft.com/v1.0/users/[E-Mail]',
      'http.status_code': 404,
      'db.statement': 'query for [E-Mail]',
    });
  });
});
