import type { ReactNode } from 'react';
import type { AmazonApiMode } from '../../../src/domain/settings/sections/amazon.js';
import { MODE_CHOICES } from './amazon-help.js';

interface CredentialBlockProps {
  title: string;
  /** Which modes read these credentials. */
  usedBy: readonly AmazonApiMode[];
  mode: string;
  children: ReactNode;
}

/**
 * The credentials of one source. Every block stays visible and editable whatever the mode (Auto
 * uses all of them, and a switch of mode should not hide what was entered); the heading says
 * whether the selected mode reads them.
 */
export function CredentialBlock({ title, usedBy, mode, children }: CredentialBlockProps) {
  const inUse = usedBy.includes(mode as AmazonApiMode);
  const modeLabel = MODE_CHOICES.find((choice) => choice.value === mode)?.label ?? mode;
  const usedByText = usedBy.map((m) => MODE_CHOICES.find((choice) => choice.value === m)?.label ?? m).join(' and ');
  return (
    <section className={inUse ? 'credential-block' : 'credential-block is-unused'} aria-label={title}>
      <h3>
        {title} <span className={inUse ? 'badge badge-in-use' : 'badge'}>{inUse ? `Used in ${modeLabel} mode` : `Not used in ${modeLabel} mode`}</span>
      </h3>
      <p className="description">Read in {usedByText} mode.</p>
      <table className="form-table" role="presentation">
        <tbody>{children}</tbody>
      </table>
    </section>
  );
}
