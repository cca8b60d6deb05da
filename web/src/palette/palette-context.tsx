import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { CommandPalette } from './command-palette.js';

interface PaletteContextValue {
  /** Opens the search; `opener` gets the focus back when it is closed with Escape. */
  openPalette(opener?: HTMLElement | null): void;
  isOpen: boolean;
}

const PaletteContext = createContext<PaletteContextValue>({ openPalette: () => undefined, isOpen: false });

export const usePalette = (): PaletteContextValue => useContext(PaletteContext);

/** Ctrl+K or ⌘K on any private screen opens the command palette; the provider renders it while open. */
export function PaletteProvider({ children }: { children: ReactNode }) {
  const [isOpen, setOpen] = useState(false);
  const opener = useRef<HTMLElement | null>(null);

  const openPalette = useCallback((from?: HTMLElement | null) => {
    opener.current = from ?? (document.activeElement instanceof HTMLElement ? document.activeElement : null);
    setOpen(true);
  }, []);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key.toLowerCase() !== 'k' || !(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return;
      // The browser's own Ctrl+K (search in the address bar) would take the focus away.
      event.preventDefault();
      if (!isOpen) openPalette();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [isOpen, openPalette]);

  const close = useCallback((restoreFocus: boolean) => {
    setOpen(false);
    const target = opener.current;
    opener.current = null;
    if (restoreFocus && target?.isConnected) target.focus();
  }, []);

  const value = useMemo(() => ({ openPalette, isOpen }), [openPalette, isOpen]);
  return (
    <PaletteContext.Provider value={value}>
      {children}
      {isOpen && <CommandPalette onClose={close} />}
    </PaletteContext.Provider>
  );
}
