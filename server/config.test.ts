/** Configuration is a schema: the register of recipients is checked at start, each problem named by its field. */
import { describe, expect, it } from 'vitest';
import { parseConfig } from './config.js';

const HELPDESK = {
  name: 'Example Helpdesk Ltd',
  role: 'processor',
  purpose: 'Hosts our helpdesk',
  where: 'Ireland (EU)',
  agreement: 'https://helpdesk.example.com/dpa',
};
const withRecipients = (value: unknown) =>
  parseConfig({ CANDOR_RECIPIENTS: typeof value === 'string' ? value : JSON.stringify(value) });
const problem = (value: unknown) => {
  try {
    withRecipients(value);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('the setting was accepted');
};

describe('CANDOR_RECIPIENTS', () => {
  it('when it is unset, then the register is empty', () => {
    expect(parseConfig({}).CANDOR_RECIPIENTS).toEqual([]);
  });

  it('when it lists recipients, then they are the register, trimmed', () => {
    expect(withRecipients([{ ...HELPDESK, where: ' Ireland (EU) ' }]).CANDOR_RECIPIENTS).toEqual([HELPDESK]);
  });

  it('when it is not JSON, or not a list, then the server does not start and says what was expected', () => {
    expect(problem('[{name:')).toMatch(/^invalid configuration:\n {2}CANDOR_RECIPIENTS: expected JSON, such as \[/);
    expect(problem({ name: 'x' })).toContain('CANDOR_RECIPIENTS: expected a JSON array of recipients');
  });

  it('when an entry is wrong, then each problem names the entry’s field and what was expected', () => {
    const message = problem([
      HELPDESK,
      { ...HELPDESK, name: 'example helpdesk ltd', role: 'vendor', agreement: 'http://x.example/dpa', purpose: ' ' },
    ]);
    expect(message).toContain('CANDOR_RECIPIENTS.1.role: Invalid option: expected one of "processor"|"controller"');
    expect(message).toContain('CANDOR_RECIPIENTS.1.agreement: expected an https:// URL of the agreement');
    expect(message).toContain('CANDOR_RECIPIENTS.1.purpose: expected words such as');
    const { where: _, ...withoutWhere } = HELPDESK;
    expect(problem([withoutWhere])).toContain('CANDOR_RECIPIENTS.0.where: expected words such as "Ireland (EU)"');
    expect(problem([HELPDESK, { ...HELPDESK, name: 'EXAMPLE HELPDESK LTD' }])).toContain(
      'CANDOR_RECIPIENTS.1.name: expected a name not used above',
    );
  });
});
