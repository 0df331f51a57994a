import { describe, expect, it } from 'vitest';
import { htmlParagraphs } from './insert.js';

describe('the HTML a paste carries (CKEditor 5)', () => {
  it('when the text has lines, then each is a paragraph and an empty line an empty one', () => {
    expect(htmlParagraphs('Thanks, Dana.\n\nBye')).toBe('<p>Thanks, Dana.</p><p></p><p>Bye</p>');
  });

  it('when the text holds markup characters, then every one is escaped and none becomes markup', () => {
    expect(htmlParagraphs(`<img src=x onerror=alert(1)> & "quoted" 'single'`)).toBe(
      '<p>&lt;img src=x onerror=alert(1)&gt; &amp; &quot;quoted&quot; &#39;single&#39;</p>',
    );
    expect(htmlParagraphs('&lt;')).toBe('<p>&amp;lt;</p>');
  });
});
