/** The template limits: a draft over one is refused with a problem at its line, naming the limit in words. */
import { describe, expect, it } from 'vitest';
import { TEMPLATE_LIMITS, TemplateLimitError } from './limits.js';
import { checkTemplate, render, type PhrasingTemplate } from './templates.js';

/** Six lines of front matter: the body starts on line 7. */
const front = '---\nid: t.fact\nversion: 1\ndescription: A test template.\nkind: fact\n---\n';
const check = (body: string) => checkTemplate('t.liquid', `${front}${body}\n`);

describe('a draft over a template limit', () => {
  it('when a draft loops over a huge range, then it is refused with a problem naming the memory limit', () => {
    expect(check('Hello.\n{% for i in (1..300000) %}{% endfor %}')).toEqual([
      't.liquid:8: the template renders more than 100,000 characters or list items (the memory limit for a template)',
    ]);
  });

  it(
    'when a draft doubles a string until it is huge, then it is refused ' + 'with a problem naming the memory limit',
    () => {
      const p = check('{% assign s = "x" %}{% for i in (1..30) %}{% assign s = s | append: s %}{% endfor %}{{ s }}');
      expect(p).toEqual([expect.stringMatching(/^t\.liquid:7: .*\(the memory limit for a template\)$/)]);
    },
  );

  it('when a draft loops for long without building anything, then the render limit stops it', () => {
    const p = check(
      '{% assign r = (1..1000) %}\n{% for a in r %}{% for b in r %}{% for c ' +
        'in r %}{% endfor %}{% endfor %}{% endfor %}',
    );
    expect(p).toEqual(['t.liquid:8: the template takes longer than 1 s to render (the render limit for a template)']);
  });

  it('when a draft is longer than the parse limit, then it is refused with a problem naming the parse limit', () => {
    expect(check('x'.repeat(TEMPLATE_LIMITS.parseLimit + 1))).toEqual([
      't.liquid:7: the template is longer than 50,000 characters (the parse limit for a template)',
    ]);
  });

  it(
    'when only real data sets a draft off, then it passes the check and ' +
      'its render stops with a TemplateLimitError at the file line',
    () => {
      const t = check(
        'Hello.\n{% if fact.text %}{% for i in (1..300000) %}{% endfor %}{% endif %}',
      ) as PhrasingTemplate;
      expect(Array.isArray(t)).toBe(false);
      expect(() => render(t, { customer: {}, fact: { text: 'Blender Pro 3000' } })).toThrow(
        expect.objectContaining({
          name: TemplateLimitError.name,
          file: 't.liquid',
          line: 8,
          message: expect.stringContaining('(the memory limit for a template)'),
        }),
      );
    },
  );
});
