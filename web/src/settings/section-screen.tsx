import type { SectionView } from '../api/types.js';
import type { FormSection } from './form-section.js';
import { SectionLoader } from './section-loader.js';
import { SettingsForm } from './settings-form.js';
import { useSettingsForm } from './use-settings-form.js';

interface SectionScreenProps {
  section: FormSection;
  focusKey: string | null;
  onSaved?: (view: SectionView) => void;
}

/** A settings tab that is just its section's form (General). */
export function SectionScreen({ section, focusKey, onSaved }: SectionScreenProps) {
  return <SectionLoader section={section}>{(view) => <LoadedSection section={section} view={view} focusKey={focusKey} onSaved={onSaved} />}</SectionLoader>;
}

function LoadedSection({ section, view, focusKey, onSaved }: SectionScreenProps & { view: SectionView }) {
  const form = useSettingsForm(section, view, { focusKey, onSaved });
  return <SettingsForm form={form} />;
}
