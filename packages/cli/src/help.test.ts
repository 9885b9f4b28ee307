import { describe, expect, it } from 'vitest';
import { EXIT_CODE_DOCS } from './exit-codes.js';
import { registry } from './providers.js';
import { runCli, runInProcess } from '@creditkit/test-support/cli';

describe('creditkit --help', { timeout: 60_000 }, () => {
  it('shows the commands, the call options, every exit code and examples', async () => {
    const { code, stdout } = await runCli(['--help']);
    expect(code).toBe(0);
    for (const flag of ['--data', '--credential', '--base-url', '--environment', '--timeout', '--max-retries', '--intent', '--store', '--mock', '--dry-run', '--json']) expect(stdout).toContain(flag);
    for (const [exit, text] of EXIT_CODE_DOCS) expect(stdout).toContain(`${exit}  ${text}`);
    expect(stdout).toMatch(/Examples\n {2}creditkit walkthrough/);
  });

  it('has help on every command, provider and operation', async () => {
    const commands = [['providers'], ['walkthrough'], ['intents'], ['intents', 'list'], ['intents', 'show'], ['intents', 'resolve'], ...registry.providers.flatMap((p) => [[p.id], ...Object.keys(p.operations).map((op) => [p.id, op])])];
    const runs = await Promise.all(commands.map((c) => runInProcess([...c, '--help'])));
    runs.forEach(({ code, stdout, stderr }, i) => {
      expect(code, commands[i]!.join(' ')).toBe(0);
      expect(stderr).toBe('');
      expect(stdout).toMatch(new RegExp(`^Usage: creditkit ${commands[i]![0]}`));
      expect(stdout).toContain('Examples');
    });
  });

  it("lists an operation's fields with the required ones, and a working example", async () => {
    const { stdout } = await runCli(['finerworks', 'buyAccountCredits', '--help']);
    expect(stdout).toMatch(/amount\s+body\s+number\s+yes/);
    expect(stdout).toMatch(/extra_credits\s+body\s+number\n/);
    const example = /creditkit (finerworks buyAccountCredits --data '.*') --mock\n/.exec(stdout)![1]!;
    const args = example.split(/ (?=--)/).flatMap((part) => (part.startsWith('--data ') ? ['--data', part.slice(8, -1)] : part.split(' ')));
    expect((await runCli([...args, '--mock'])).code).toBe(0);
  });

  it('exits 2 with a hint when no command is given', async () => {
    const { code, stderr } = await runCli([]);
    expect(code).toBe(2);
    expect(stderr).toBe('error: no command given\nhint: run `creditkit --help` for usage\n');
  });
});
