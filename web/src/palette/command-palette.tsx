import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { anchorDomId } from '../help/help-routes.js';
import { navigate, parseHash } from '../routing/hash-route.js';
import { focusField } from '../settings/focus-field.js';
import { fieldInputId } from '../settings/form-section.js';
import { KIND_LABELS, PALETTE_ENTRIES, type PaletteEntry } from './palette-entries.js';
import { createPaletteSearch } from './search-palette.js';

/** What the palette offers before anything is typed: the articles. */
const SUGGESTIONS = PALETTE_ENTRIES.filter((entry) => entry.kind === 'article');

/**
 * Opens an entry's route. When the page already shows that route the hash does not change, so the
 * field or anchor is focused here instead of by the screen.
 */
function openEntry(entry: PaletteEntry): void {
  if (window.location.hash !== `#${entry.route}`) {
    navigate(entry.route);
    return;
  }
  const { path, query } = parseHash(entry.route);
  const focus = query.get('focus');
  const section = query.get('section');
  if (focus) focusField(fieldInputId(path.split('/')[2] ?? '', focus));
  else if (section) document.getElementById(anchorDomId(section))?.focus();
}

/** The Ctrl/Cmd+K search: a modal dialog with a combobox input over a listbox of ranked results. */
export function CommandPalette({ onClose }: { onClose: (restoreFocus: boolean) => void }) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const search = useMemo(() => createPaletteSearch(), []);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const baseId = useId();
  const listId = `${baseId}-results`;
  const optionId = (entry: PaletteEntry) => `${baseId}-${entry.id}`;

  const results = useMemo(() => (query.trim() ? search(query) : SUGGESTIONS), [query, search]);
  const current = results[Math.min(active, results.length - 1)];

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  const activeId = current ? optionId(current) : undefined;
  useEffect(() => {
    if (activeId) document.getElementById(activeId)?.scrollIntoView({ block: 'nearest' });
  }, [activeId]);

  /** Escape or a click beside the box: the modal must be closed before the opener can take the focus back. */
  const dismiss = () => {
    dialogRef.current?.close();
    onClose(true);
  };

  const choose = (entry: PaletteEntry) => {
    // Close first, so the dialog hands the focus back before the new screen takes it.
    dialogRef.current?.close();
    onClose(false);
    openEntry(entry);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (results.length === 0) return;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((index) => (Math.min(index, results.length - 1) + step + results.length) % results.length);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (current) choose(current);
    }
  };

  return (
    <dialog
      ref={dialogRef}
      className="command-palette"
      aria-modal="true"
      aria-label="Search help and settings"
      onCancel={(event) => {
        event.preventDefault();
        dismiss();
      }}
      onClick={(event) => event.target === dialogRef.current && dismiss()}
    >
      <div className="command-palette-box">
        <label className="screen-reader-text" htmlFor={`${baseId}-input`}>
          Search help and settings
        </label>
        <input
          id={`${baseId}-input`}
          className="command-palette-input"
          type="text"
          role="combobox"
          aria-expanded="true"
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={activeId}
          placeholder="Search articles, steps, troubleshooting, screens and settings…"
          autoComplete="off"
          spellCheck={false}
          autoFocus
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
        />
        <p className="command-palette-status" role="status">
          {query.trim() ? (results.length ? `${results.length} result${results.length === 1 ? '' : 's'}` : 'No results. Try fewer or other words.') : 'Help articles'}
        </p>
        <ul id={listId} role="listbox" aria-label="Results" className="command-palette-results">
          {results.map((entry) => {
            const selected = entry === current;
            return (
              // Keyboard users stay in the input (aria-activedescendant); a pointer can pick an option directly.
              <li
                key={entry.id}
                id={optionId(entry)}
                role="option"
                aria-selected={selected}
                className={`command-palette-option is-${entry.kind}${selected ? ' is-active' : ''}`}
                data-route={entry.route}
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => choose(entry)}
              >
                <span className={`command-palette-kind is-${entry.kind}`}>{KIND_LABELS[entry.kind]}</span>
                <span className="command-palette-text">
                  <span className="command-palette-title">{entry.title}</span>
                  <span className="command-palette-context">{entry.context}</span>
                </span>
              </li>
            );
          })}
        </ul>
        <p className="command-palette-keys" aria-hidden="true">
          <kbd>↑</kbd> <kbd>↓</kbd> to move · <kbd>Enter</kbd> to open · <kbd>Esc</kbd> to close
        </p>
      </div>
    </dialog>
  );
}
