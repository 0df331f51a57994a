/**
 * Template files: front matter, Liquid syntax and variables are checked at load, each problem as `file:line: problem`.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  checkTemplate,
  checkTemplateSet,
  loadTemplates,
  readTemplateFiles,
  render,
  TemplateError,
  type PhrasingTemplate,
} from './templates.js';
import { ROOT } from '../config.js';

const OFFLINE = path.join(ROOT, 'prompts', 'offline');

/** Six lines of front matter: the body starts on line 7. */
const front = (kind = 'fact', extra = '') =>
  `---\nid: t.${kind}\nversion: 1\ndescription: A test template.\nkind: ${kind}\n${extra}---\n`;

const check = (source: string) => checkTemplate('t.liquid', source);
const problems = (source: string): string[] => {
  const r = check(source);
  expect(Array.isArray(r), 'expected problems, got a template').toBe(true);
  return r as string[];
};
const template = (source: string): PhrasingTemplate => {
  const r = check(source);
  expect(r, 'expected a template').not.toBeInstanceOf(Array);
  return r as PhrasingTemplate;
};

const SCOPE = {
  customer: { displayName: 'Ada Lovelace', firstName: 'Ada' },
  fact: { text: 'Blender Pro 3000', marker: 1, value: { order: 'ORD-1' } },
};

describe('checkTemplate: front matter', () => {
  it('when a template is valid, then it returns the template with its front matter', () => {
    const t = template(`${front()}Our records show {{ fact.text }} [{{ fact.marker }}].\n`);
    expect(t).toMatchObject({ id: 't.fact', version: 1, kind: 'fact', file: 't.liquid' });
    expect(render(t, SCOPE)).toBe('Our records show Blender Pro 3000 [1].');
  });

  it('when the front matter is missing, then the problem is on line 1 and says "missing front matter"', () => {
    const p = problems('Hello {{ customer.firstName }}\n');
    expect(p).toHaveLength(1);
    expect(p[0]).toMatch(/^t\.liquid:1: /);
    expect(p[0]).toContain('missing front matter');
  });

  it('when the front matter is not valid YAML, then the problem says so', () => {
    const p = problems('---\nid: [unclosed\nversion: 1\n---\nhi\n');
    expect(p).toHaveLength(1);
    expect(p[0]).toMatch(/^t\.liquid:\d+: front matter is not valid YAML/);
  });

  it('when `kind` is missing, then the problem names kind', () => {
    const p = problems('---\nid: t.x\nversion: 1\ndescription: d\n---\nhi\n');
    expect(p).toHaveLength(1);
    expect(p[0]).toMatch(/^t\.liquid:\d+: kind: /);
  });

  it('when `kind` has an unknown value, then the problem is reported on the line of `kind`', () => {
    const p = problems('---\nid: t.x\nversion: 1\ndescription: d\nkind: banana\n---\nhi\n');
    expect(p).toHaveLength(1);
    expect(p[0]).toMatch(/^t\.liquid:5: kind: /);
  });

  it('when `version` is not a number, then the problem is reported on the line of `version`', () => {
    expect(problems('---\nid: t.x\nversion: one\ndescription: d\nkind: general\n---\nhi\n')[0]).toMatch(
      /^t\.liquid:3: version: /,
    );
  });

  it('when the front matter has an unknown field, then the problem names it on the line of that key', () => {
    const p = problems('---\nid: t.x\nversion: 1\ndescription: d\nkind: general\ncolour: red\n---\nhi\n');
    expect(p).toHaveLength(1);
    expect(p[0]).toContain('colour');
    expect(p[0]).toMatch(/^t\.liquid:6: /);
  });

  it('when a non-fact template declares categories, then it is refused', () => {
    const p = problems(`${front('general', 'categories: [user.contact]\n')}Thanks, {{ customer.firstName }}.\n`);
    expect(p).toHaveLength(1);
    expect(p[0]).toContain('"categories" is only for fact templates');
  });

  it('when a fact template declares categories, then it is accepted with them', () => {
    expect(
      template(
        `${front('fact', 'categories: [user.contact]\n')}Our records show {{ fact.text }} [{{ fact.marker }}].\n`,
      ).categories,
    ).toEqual(['user.contact']);
  });
});

describe('checkTemplate: Liquid body', () => {
  it('when an `{% if %}` is never closed, then the problem is on its absolute line (front matter counted)', () => {
    const p = problems(`${front()}line seven\nline eight\n{% if fact.text %}\nhello\n`);
    expect(p).toHaveLength(1);
    expect(p[0]).toMatch(/^t\.liquid:9: /);
    expect(p[0]).toContain('not closed');
  });

  it('when an output `{{ fact.text ` is never closed, then the problem is on its absolute line', () => {
    const p = problems(`${front()}line seven\n{{ fact.text \nmore\n`);
    expect(p).toHaveLength(1);
    expect(p[0]).toMatch(/^t\.liquid:8: /);
    expect(p[0]).toContain('not closed');
  });

  it('when the body uses an unknown variable (`fact.txt`), then the problem names it on its line', () => {
    const p = problems(`${front()}line seven\nline eight\nOur records show {{ fact.txt }}.\n`);
    expect(p).toHaveLength(1);
    expect(p[0]).toMatch(/^t\.liquid:9: unknown variable "fact\.txt"/);
  });

  it('when a general template names a fact, then the fact is an unknown variable there', () => {
    expect(problems(`${front('general')}Hi {{ fact.text }}\n`)[0]).toMatch(
      /^t\.liquid:7: unknown variable "fact\.text"/,
    );
  });

  it('when a fact template reads any path under fact.value, then it is allowed', () => {
    const t = template(`${front()}Order {{ fact.value.order }} {{ fact.value.anything.below }}\n`);
    expect(t.kind).toBe('fact');
  });

  it('when a variable is assigned in the template, then using it is fine but an unassigned one is unknown', () => {
    const p = problems(`${front()}{% assign x = fact.text %}{{ x }}\n{{ y }}\n`);
    expect(p).toHaveLength(1);
    expect(p[0]).toMatch(/^t\.liquid:8: unknown variable "y"/);
  });

  it('when a template uses an unknown filter, then it is refused with its line', () => {
    const p = problems(`${front()}line seven\n{{ fact.text | shout }}\n`);
    expect(p).toHaveLength(1);
    expect(p[0]).toMatch(/^t\.liquid:8: /);
    expect(p[0]).toContain('shout');
  });

  it('when a template uses a standard filter, then it renders', () => {
    expect(render(template(`${front()}{{ fact.text | upcase }}\n`), SCOPE)).toBe('BLENDER PRO 3000');
  });
});

describe('templates cannot read the filesystem', () => {
  /** Checking then rendering either fails, or yields text without the file's contents. */
  function attempt(body: string): { ok: true; text: string } | { ok: false } {
    try {
      const r = check(`${front()}${body}\n`);
      if (Array.isArray(r)) return { ok: false };
      return { ok: true, text: render(r, { ...SCOPE, fact: { ...SCOPE.fact, text: '/etc/passwd' } }) };
    } catch {
      return { ok: false };
    }
  }

  for (const body of [
    "{% include '/etc/passwd' %}",
    "{% render '/etc/passwd' %}",
    "{% layout '/etc/passwd' %}",
    '{% include fact.text %}',
    `{% include '${path.join(ROOT, 'package.json')}' %}`,
  ]) {
    it(`when a template says ${body}, then it fails at load or render and never returns file contents`, () => {
      const r = attempt(body);
      if (r.ok) {
        expect(r.text).not.toContain('root:');
        expect(r.text).not.toContain('"dependencies"');
      }
      expect(r.ok).toBe(false);
    });
  }

  it('when a template includes a file, then loadTemplates reports a TemplateError (not a raw filesystem error)', () => {
    const dir = tempCopy();
    writeFileSync(
      path.join(dir, 'zz-include.liquid'),
      `${front('fact', 'categories: [user.contact.email]\n').replace('t.fact', 't.include')}` +
        `{% include '/etc/passwd' %}\n`,
    );
    expect(() => loadTemplates(dir)).toThrow(TemplateError);
  });

  it(
    'when a template includes a partial named by a variable, then it is ' +
      'refused at load (it could only fail later, at render)',
    () => {
      const r = check(`${front()}{% include fact.text %}\n`);
      expect(Array.isArray(r)).toBe(true);
    },
  );
});

/** The problems a TemplateError from loading `dir` lists (fails the test if loading succeeds). */
function problemsLoading(dir: string): string[] {
  try {
    loadTemplates(dir);
  } catch (e) {
    expect(e).toBeInstanceOf(TemplateError);
    return (e as TemplateError).problems;
  }
  throw new Error(`loading ${dir} succeeded`);
}

const temps: string[] = [];
function tempCopy(except: string[] = []): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'candor-templates-'));
  temps.push(dir);
  for (const f of readdirSync(OFFLINE))
    if (!except.includes(f)) cpSync(path.join(OFFLINE, f), path.join(dir, f), { recursive: true });
  return dir;
}
afterEach(() => {
  while (temps.length) rmSync(temps.pop()!, { recursive: true, force: true });
});

describe('loadTemplates', () => {
  it(
    'when loading the shipped prompts/offline folder, then every template ' + 'loads and each required kind is there',
    () => {
      const ts = loadTemplates(OFFLINE);
      expect(ts.length).toBe(readTemplateFiles(OFFLINE).length);
      const kinds = new Set(ts.map((t) => t.kind));
      for (const k of ['fact', 'pair', 'general', 'why', 'footnote']) expect(kinds).toContain(k);
    },
  );

  it('when the general template is missing, then a TemplateError names what is missing', () => {
    const dir = tempCopy(['general.liquid']);
    const found = problemsLoading(dir);
    expect(found).toEqual([`${dir}: no English general template`]);
  });

  it('when the fallback fact template (no categories) is missing, then a TemplateError says so', () => {
    const dir = tempCopy(['fact-default.liquid']);
    expect(() => loadTemplates(dir)).toThrow(/no English fact template without categories/);
  });

  it('when two files share an id, then the duplicate is reported with both files', () => {
    const dir = tempCopy();
    cpSync(path.join(OFFLINE, 'general.liquid'), path.join(dir, 'general-copy.liquid'));
    const p = problemsLoading(dir);
    expect(p).toHaveLength(1);
    expect(p[0]).toContain('id "offline.general" is already used by');
    expect(p[0]).toContain('general-copy.liquid');
    expect(p[0]).toContain(`${path.sep}general.liquid`);
  });

  it('when several files are broken, then one TemplateError lists every problem', () => {
    const dir = tempCopy();
    writeFileSync(path.join(dir, 'a-broken.liquid'), 'no front matter\n');
    writeFileSync(
      path.join(dir, 'b-broken.liquid'),
      `${front('fact', 'categories: [user.contact.email]\n').replace('t.fact', 't.b')}{{ fact.txt }}\n`,
    );
    const p = problemsLoading(dir);
    expect(p).toHaveLength(2);
    expect(p[0]).toMatch(/a-broken\.liquid:1: missing front matter/);
    expect(p[1]).toMatch(/b-broken\.liquid:8: unknown variable "fact\.txt"/);
  });
});

describe('checkTemplateSet', () => {
  const entries = () =>
    readdirSync(OFFLINE)
      .filter((f) => f.endsWith('.liquid'))
      .map((f) => ({ file: `offline/${f}`, source: readFileSync(path.join(OFFLINE, f), 'utf8') }));

  it('when given sources rather than files, then it checks them as loadTemplates does, naming the given files', () => {
    expect(checkTemplateSet(entries(), 'the store').map((t) => t.file)).toContain('offline/general.liquid');
    const broken = entries().map((e) =>
      e.file === 'offline/general.liquid'
        ? { ...e, source: e.source.replace('{{ customer.firstName }}', '{{ customer.nickname }}') }
        : e,
    );
    expect(() => checkTemplateSet(broken, 'the store')).toThrow(
      /offline\/general\.liquid:7: unknown variable "customer\.nickname"/,
    );
  });

  it('when the model engine runs, then its templates are required too', () => {
    expect(() => checkTemplateSet(entries(), 'the store', { model: true })).toThrow(
      /the store: no English model-system template/,
    );
  });
});
