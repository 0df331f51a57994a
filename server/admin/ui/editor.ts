/**
 * The template editor: CodeMirror 6 with Liquid highlighting, and the server's own template check
 * as its linter, so what the page marks is exactly what publishing would refuse (front matter,
 * Liquid syntax, unknown variables), each at its line.
 */
import { EditorState } from '@codemirror/state';
import { EditorView, keymap, lineNumbers, highlightActiveLine } from '@codemirror/view';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { syntaxHighlighting, defaultHighlightStyle } from '@codemirror/language';
import { liquid } from '@codemirror/lang-liquid';
import { linter, lintGutter, type Diagnostic } from '@codemirror/lint';
import type { Problem } from './api.js';
import { t } from './words.js';

export interface TemplateEditor {
  view: EditorView;
  text(): string;
  load(source: string): void;
}

/** `check` is asked (debounced by the linter) while the lead types; its problems are shown at their lines. */
/** The page's CSP nonce (server/admin/routes.ts), for the styles CodeMirror writes. */
const nonce = document.querySelector<HTMLMetaElement>('meta[name="csp-nonce"]')?.content ?? '';

export function createEditor(parent: HTMLElement, check: (source: string) => Promise<Problem[]>): TemplateEditor {
  const lint = linter(
    async (view) => {
      const problems = await check(view.state.doc.toString());
      const doc = view.state.doc;
      return problems.map((p): Diagnostic => {
        const line = doc.line(Math.min(Math.max(p.line, 1), doc.lines));
        return { from: line.from, to: line.to, severity: 'error', message: p.message };
      });
    },
    { delay: 300 },
  );
  const state = (doc: string) =>
    EditorState.create({
      doc,
      extensions: [
        EditorView.cspNonce.of(nonce),
        lineNumbers(),
        highlightActiveLine(),
        history(),
        keymap.of([...defaultKeymap, ...historyKeymap]),
        liquid(),
        syntaxHighlighting(defaultHighlightStyle),
        lintGutter(),
        lint,
        EditorView.lineWrapping,
        // Named for screen readers, and a tab stop axe can see inside the scroller (contenteditable alone is not one).
        EditorView.contentAttributes.of({ 'aria-label': t('admin.prompts.source'), tabindex: '0' }),
      ],
    });
  const view = new EditorView({ state: state(''), parent });
  return {
    view,
    text: () => view.state.doc.toString(),
    load: (source) => view.setState(state(source)),
  };
}
