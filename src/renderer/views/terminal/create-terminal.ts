// A session's xterm.js with the addons every tab has: fit to the pane, search
// in the scrollback, web links, Unicode 11 character widths (emoji and CJK
// take two cells, as on the server). The renderer (WebGL or DOM) is chosen
// apart, by TerminalRenderer.
import { Terminal } from '@xterm/xterm';
import { FitAddon } from '@xterm/addon-fit';
import { SearchAddon } from '@xterm/addon-search';
import { Unicode11Addon } from '@xterm/addon-unicode11';
import { WebLinksAddon } from '@xterm/addon-web-links';
import type { LiveOptions } from './terminal-options';

export interface TerminalParts {
  term: Terminal;
  fit: FitAddon;
  search: SearchAddon;
}

/** What a link in the output does: found URLs and OSC 8 hyperlinks alike. */
export interface LinkHandling {
  activate(event: MouseEvent, uri: string): void;
  hover(event: MouseEvent, uri: string): void;
  leave(): void;
}

export function createTerminal(
  element: HTMLElement,
  options: LiveOptions,
  links: LinkHandling,
): TerminalParts {
  const term = new Terminal({
    ...options,
    // Unicode versions and search highlights (decorations) are proposed API in xterm.js 6.
    allowProposedApi: true,
    // PuTTY: the right button pastes; it must not select a word first.
    rightClickSelectsWord: false,
    linkHandler: {
      activate: (event, uri) => links.activate(event, uri),
      hover: (event, uri) => links.hover(event, uri),
      leave: () => links.leave(),
      allowNonHttpProtocols: false,
    },
  });
  const fit = new FitAddon();
  const search = new SearchAddon();
  term.loadAddon(fit);
  term.loadAddon(search);
  term.loadAddon(
    new WebLinksAddon((event, uri) => links.activate(event, uri), {
      hover: (event, uri) => links.hover(event, uri),
      leave: () => links.leave(),
    }),
  );
  term.loadAddon(new Unicode11Addon());
  term.unicode.activeVersion = '11';
  term.open(element);
  fit.fit();
  return { term, fit, search };
}
