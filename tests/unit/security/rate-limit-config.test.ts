import { ConfigError, loadConfig } from '../../../services/config';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
}

describe('USER_MESSAGES_PER_MINUTE', () => {
  it('defaults to 20 messages a minute', () => {
    expect(loadConfig({}).userMessagesPerMinute).toBe(20);
  });

  it('takes another positive number', () => {
    expect(loadConfig({ USER_MESSAGES_PER_MINUTE: '60' }).userMessagesPerMinute).toBe(60);
  });

  it.each(['0', '-5', '2.5', 'viele'])('refuses %j and names the variable', (value) => {
    const problems = problemsOf({ USER_MESSAGES_PER_MINUTE: value });
    expect(problems.some((p) => p.startsWith('USER_MESSAGES_PER_MINUTE:'))).toBe(true);
  });
});
