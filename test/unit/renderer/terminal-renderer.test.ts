// TerminalRenderer with a stand-in for the WebGL addon (no GPU here): one
// context per visible terminal, given back when hidden, the DOM for good
// after a lost context, and the choice on the terminal's element.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Terminal } from '@xterm/xterm';

const addons = vi.hoisted(() => [] as Array<{ disposed: boolean; loseContext: () => void }>);

vi.mock('@xterm/addon-webgl', () => ({
  WebglAddon: class {
    disposed = false;
    private lost: Array<() => void> = [];
    constructor() {
      addons.push(this as never);
    }
    onContextLoss(listener: () => void) {
      this.lost.push(listener);
      return { dispose: () => undefined };
    }
    loseContext() {
      for (const listener of this.lost) listener();
    }
    dispose() {
      this.disposed = true;
    }
  },
}));

const { TerminalRenderer } = await import('../../../src/renderer/views/terminal/terminal-renderer');
const { MAX_WEBGL_CONTEXTS } = await import('../../../src/renderer/views/terminal/renderer-choice');

function terminal() {
  const loaded: unknown[] = [];
  const term = { loadAddon: (addon: unknown) => loaded.push(addon) } as unknown as Terminal;
  const element = { dataset: {} as DOMStringMap } as HTMLElement;
  return { term, element, loaded };
}

const live = () => addons.filter((a) => !a.disposed).length;

describe('terminal renderer', () => {
  beforeEach(() => {
    addons.length = 0;
  });

  it('draws with WebGL only while visible, on a GPU', () => {
    const { term, element, loaded } = terminal();
    const renderer = new TerminalRenderer(term, element, () => true);
    expect(element.dataset).toEqual({ renderer: 'dom', rendererReason: 'hidden' });
    renderer.setVisible(true);
    expect(loaded).toHaveLength(1);
    expect(element.dataset).toEqual({ renderer: 'webgl', rendererReason: 'gpu' });
    renderer.setVisible(false);
    expect(addons[0]!.disposed).toBe(true);
    expect(element.dataset).toEqual({ renderer: 'dom', rendererReason: 'hidden' });
    renderer.setVisible(true);
    expect(loaded).toHaveLength(2);
    expect(live()).toBe(1);
    renderer.dispose();
    expect(live()).toBe(0);
  });

  it('never loads WebGL without a GPU', () => {
    const { term, element, loaded } = terminal();
    new TerminalRenderer(term, element, () => false).setVisible(true);
    expect(loaded).toHaveLength(0);
    expect(element.dataset).toEqual({ renderer: 'dom', rendererReason: 'noGpu' });
  });

  it('falls back to the DOM for good when the context is lost', () => {
    const { term, element, loaded } = terminal();
    const renderer = new TerminalRenderer(term, element, () => true);
    renderer.setVisible(true);
    addons[0]!.loseContext();
    expect(addons[0]!.disposed).toBe(true);
    expect(element.dataset).toEqual({ renderer: 'dom', rendererReason: 'contextLost' });
    renderer.setVisible(false);
    renderer.setVisible(true);
    expect(loaded).toHaveLength(1);
    expect(element.dataset).toEqual({ renderer: 'dom', rendererReason: 'contextLost' });
  });

  it('holds no more contexts than the limit, and frees one for the next terminal', () => {
    const renderers = Array.from({ length: MAX_WEBGL_CONTEXTS + 1 }, () => {
      const { term, element } = terminal();
      const renderer = new TerminalRenderer(term, element, () => true);
      renderer.setVisible(true);
      return { renderer, element };
    });
    expect(live()).toBe(MAX_WEBGL_CONTEXTS);
    const last = renderers[MAX_WEBGL_CONTEXTS]!;
    expect(last.element.dataset).toEqual({ renderer: 'dom', rendererReason: 'contextLimit' });
    renderers[0]!.renderer.setVisible(false);
    last.renderer.setVisible(true);
    expect(last.element.dataset).toEqual({ renderer: 'webgl', rendererReason: 'gpu' });
    for (const { renderer } of renderers) renderer.dispose();
    expect(live()).toBe(0);
  });
});
