// Search in a terminal's scrollback (the search addon): opened with
// Ctrl+Shift+F (⌘F on macOS), finds as one types, Enter for the next match
// and Shift+Enter for the previous, Escape closes and gives the keyboard back
// to the terminal. Matches are highlighted; the count is read out.
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ISearchDecorationOptions, ISearchResultChangeEvent, SearchAddon } from '@xterm/addon-search';

/** The addon's default: beyond it matches are counted but not numbered. */
export const HIGHLIGHT_LIMIT = 1000;

/** The text key and values that tell where the search stands; undefined before anything is typed. */
export function searchStatus(
  query: string,
  results: ISearchResultChangeEvent | undefined,
): { key: string; values: Record<string, number> } | undefined {
  if (!query || !results) return undefined;
  if (results.resultCount === 0) return { key: 'terminal.search.none', values: {} };
  if (results.resultIndex < 0) return { key: 'terminal.search.tooMany', values: { limit: HIGHLIGHT_LIMIT } };
  return {
    key: 'terminal.search.position',
    values: { index: results.resultIndex + 1, count: results.resultCount },
  };
}

export function SearchBar({
  search,
  decorations,
  focusRequest,
  onClose,
}: {
  /** The terminal's search addon (there once the terminal is made, before anyone can search). */
  search: () => SearchAddon | undefined;
  decorations: ISearchDecorationOptions;
  /** Changes each time the search is asked for again, e.g. Ctrl+Shift+F while it is open. */
  focusRequest: number;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<ISearchResultChangeEvent>();

  useEffect(() => {
    const addon = search();
    const listener = addon?.onDidChangeResults(setResults);
    return () => {
      listener?.dispose();
      addon?.clearDecorations();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- one addon for the terminal's life
  }, []);
  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, [focusRequest]);

  const find = (direction: 'next' | 'previous', text = query, incremental = false) => {
    const addon = search();
    if (!addon) return;
    if (!text) {
      addon.clearDecorations();
      setResults(undefined);
      return;
    }
    const options = { decorations, incremental };
    if (direction === 'next') addon.findNext(text, options);
    else addon.findPrevious(text, options);
  };
  const onEnter = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    find(event.shiftKey ? 'previous' : 'next');
  };
  // Escape anywhere in the bar, the buttons too.
  const onEscape = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    onClose();
  };
  const status = searchStatus(query, results);

  return (
    <div
      className="terminal-search"
      role="search"
      aria-label={t('terminal.search.label')}
      onKeyDown={onEscape}
    >
      <input
        ref={input}
        type="text"
        value={query}
        aria-label={t('terminal.search.field')}
        placeholder={t('terminal.search.field')}
        onChange={(event) => {
          setQuery(event.target.value);
          find('next', event.target.value, true);
        }}
        onKeyDown={onEnter}
      />
      <output className="terminal-search-status" aria-live="polite">
        {status && t(status.key, status.values)}
      </output>
      <button
        type="button"
        onClick={() => find('previous')}
        aria-label={t('terminal.search.previous')}
        title={t('terminal.search.previous')}
      >
        ↑
      </button>
      <button
        type="button"
        onClick={() => find('next')}
        aria-label={t('terminal.search.next')}
        title={t('terminal.search.next')}
      >
        ↓
      </button>
      <button
        type="button"
        onClick={onClose}
        aria-label={t('terminal.search.close')}
        title={t('terminal.search.close')}
      >
        ×
      </button>
    </div>
  );
}
