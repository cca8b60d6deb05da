import type { OpenAiModelsView } from '../api/openai-types.js';
import { useApiResource, type Resource } from '../session/use-api-resource.js';

interface ModelFieldControlProps {
  id: string;
  name: string;
  'aria-invalid': boolean | undefined;
  'aria-describedby': string | undefined;
  value: string;
  savedCount: number;
  onChange: (value: string) => void;
  onBlur: () => void;
}

function noteText(load: Resource<OpenAiModelsView>, value: string): string {
  if (load.status === 'loading') return 'Loading the models this key can use…';
  if (load.status === 'failed') return `The list of models could not be loaded: ${load.message}`;
  const { models, problem } = load.data;
  if (problem?.cause === 'key_missing') return 'Enter and save an API key to see the models it can use.';
  if (problem) return `The list of models could not be loaded: ${problem.message}`;
  if (models.length === 0) return 'The key can use no chat models.';
  const available = `${models.length} model${models.length === 1 ? '' : 's'} available to this key`;
  // Only a hint: OpenAI-compatible endpoints do not always list every model they serve.
  return value.trim() && !models.includes(value.trim()) ? `${available}; ${value.trim()} is not among them.` : `${available}.`;
}

/**
 * A model name with the models the saved key can use as suggestions; any name may still be typed,
 * for OpenAI-compatible endpoints that list fewer models than they serve.
 */
export function ModelFieldControl({ value, savedCount, onChange, ...input }: ModelFieldControlProps) {
  const { load, pending, reload } = useApiResource<OpenAiModelsView>('openai/models', savedCount);
  const listId = `${input.id}-models`;
  const noteId = `${input.id}-models-note`;
  const models = load.status === 'ready' ? load.data.models : [];
  return (
    <>
      <input
        {...input}
        aria-describedby={[noteId, input['aria-describedby']].filter(Boolean).join(' ')}
        type="text"
        list={listId}
        className="regular-text code"
        autoComplete="off"
        spellCheck={false}
        value={value}
        onChange={(event) => onChange(event.target.value)}
      />
      <datalist id={listId}>
        {models.map((model) => (
          <option key={model} value={model} />
        ))}
      </datalist>
      <span className="model-note">
        <span id={noteId}>
          {pending && load.status !== 'loading' ? 'Asking for the list again…' : noteText(load, value)}
        </span>
        <button type="button" className="button button-small" onClick={reload}>
          Refresh list
        </button>
      </span>
    </>
  );
}
