// Puts renderer-choice.ts into effect for one terminal: loads the WebGL addon
// while the terminal is visible on a real GPU, disposes it when the tab is
// hidden (xterm.js then draws with the DOM again), and falls back to the DOM
// for good when the context is lost. The choice and its reason stand on the
// terminal's element (data-renderer, data-renderer-reason).
import type { Terminal } from '@xterm/xterm';
import { WebglAddon } from '@xterm/addon-webgl';
import { chooseRenderer, pageHasFastWebgl, type RendererChoice } from './renderer-choice';

/** WebGL contexts the page's terminals hold now. */
let contextsInUse = 0;

export class TerminalRenderer {
  private webgl: WebglAddon | undefined;
  private contextLost = false;
  private visible = false;

  constructor(
    private readonly term: Terminal,
    private readonly element: HTMLElement,
    private readonly fastWebgl: () => boolean = pageHasFastWebgl,
  ) {
    this.update();
  }

  setVisible(visible: boolean): void {
    this.visible = visible;
    this.update();
  }

  dispose(): void {
    this.detach();
  }

  private update(): void {
    const choice = chooseRenderer({
      fastWebgl: this.fastWebgl(),
      visible: this.visible,
      contextLost: this.contextLost,
      contextsInUse: contextsInUse - (this.webgl ? 1 : 0),
    });
    if (choice.kind === 'webgl' && !this.webgl) this.attach();
    if (choice.kind === 'dom' && this.webgl) this.detach();
    this.report(
      this.webgl ? choice : { kind: 'dom', reason: this.contextLost ? 'contextLost' : choice.reason },
    );
  }

  private attach(): void {
    try {
      const addon = new WebglAddon();
      addon.onContextLoss(() => {
        this.contextLost = true;
        this.update();
      });
      this.term.loadAddon(addon);
      this.webgl = addon;
      contextsInUse++;
    } catch {
      // No WebGL2 after all (the probe's context was allowed, this one not).
      this.contextLost = true;
    }
  }

  private detach(): void {
    if (!this.webgl) return;
    this.webgl.dispose();
    this.webgl = undefined;
    contextsInUse--;
  }

  private report(choice: RendererChoice): void {
    this.element.dataset.renderer = choice.kind;
    this.element.dataset.rendererReason = choice.reason;
  }
}
