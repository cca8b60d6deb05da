import type { ReactNode, Ref } from 'react';

export type NoticeKind = 'success' | 'error' | 'warning' | 'info';

interface NoticeProps {
  kind: NoticeKind;
  children: ReactNode;
  onDismiss?: () => void;
  /** Error banners that summarise a refused form take focus, so they get a ref and tabIndex. */
  ref?: Ref<HTMLDivElement>;
  focusable?: boolean;
  className?: string;
}

const ROLES: Record<NoticeKind, 'status' | 'alert' | undefined> = { success: 'status', error: 'alert', warning: undefined, info: undefined };

/** A WordPress admin notice: coloured left border, optional dismiss button. */
export function Notice({ kind, children, onDismiss, ref, focusable, className }: NoticeProps) {
  const classes = ['notice', `notice-${kind}`, onDismiss ? 'is-dismissible' : '', className ?? ''].filter(Boolean).join(' ');
  return (
    <div className={classes} role={ROLES[kind]} ref={ref} tabIndex={focusable ? -1 : undefined}>
      {children}
      {onDismiss && (
        <button type="button" className="notice-dismiss" onClick={onDismiss}>
          <span aria-hidden="true">×</span>
          <span className="screen-reader-text">Dismiss this notice.</span>
        </button>
      )}
    </div>
  );
}
