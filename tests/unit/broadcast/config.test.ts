import { ConfigError, loadConfig } from '../../../services/config';

const base = { NODE_ENV: 'test' };

describe('broadcast configuration', () => {
  it('uses the Teams limit, an approval threshold of 500 and a worker per instance by default', () => {
    expect(loadConfig(base).broadcast).toEqual({
      requestsPerSecond: 50,
      approvalThreshold: 500,
      worker: true,
      api: undefined,
    });
  });

  it('reads rate, threshold, worker switch and the API audience', () => {
    const config = loadConfig({
      ...base,
      BROADCAST_REQUESTS_PER_SECOND: '45',
      BROADCAST_APPROVAL_THRESHOLD: '100',
      BROADCAST_WORKER: 'false',
      ANNOUNCEMENTS_API_AUDIENCE: 'api://digitallotse',
      ANNOUNCEMENTS_API_TENANT_ID: 'tenant-1',
    });
    expect(config.broadcast).toEqual({
      requestsPerSecond: 45,
      approvalThreshold: 100,
      worker: false,
      api: { audience: 'api://digitallotse', tenantId: 'tenant-1' },
    });
  });

  it('names the variable when the API has an audience but no tenant', () => {
    expect(() => loadConfig({ ...base, ANNOUNCEMENTS_API_AUDIENCE: 'api://x' })).toThrow(
      /ANNOUNCEMENTS_API_TENANT_ID/,
    );
  });

  it('refuses a rate that is not a positive number', () => {
    expect(() => loadConfig({ ...base, BROADCAST_REQUESTS_PER_SECOND: '0' })).toThrow(ConfigError);
  });
});
