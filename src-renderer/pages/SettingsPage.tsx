import { useEffect, useState, type FormEvent } from 'react';
import type { ConnectionTest, Destination, LlmSettings, LlmSettingsDraft } from '../../src-shared/contract';
import { ApiError, invoke } from '../api/client';
import { useQuery } from '../api/use-query';
import { Icon } from '../components/Icons';
import { Dialog } from '../components/Overlay';
import { useUi } from '../state/ui';

// Settings for the optional language-model extractor (issue 8). Off by default. The page never sees
// the stored key, only whether there is one; and whenever the endpoint is not this computer it says
// plainly that document text would leave the machine, and asks for consent before saving.

/** Loopback check for the live indicator while typing; the main side decides for real on save. */
function destinationOf(endpoint: string): Destination {
  let host: string;
  try {
    host = new URL(endpoint).hostname.replace(/^\[|\]$/g, '').toLowerCase();
  } catch {
    return { host: endpoint, loopback: false, leavesMachine: true, description: 'Not a valid URL yet.' };
  }
  const loopback = /^127\./.test(host) || host === '::1' || host === 'localhost' || host.endsWith('.localhost');
  return {
    host,
    loopback,
    leavesMachine: !loopback,
    description: loopback ? `${host} is this computer: document text stays on this machine.` : `${host} is another machine: document text will be sent over the network to it.`,
  };
}

function DestinationBanner({ destination }: { destination: Destination }) {
  return (
    <div className={`llm-destination ${destination.leavesMachine ? 'leaves' : 'local'}`} role="status">
      <Icon name={destination.leavesMachine ? 'alert' : 'check'} size={16} />
      <span>
        <strong>{destination.leavesMachine ? 'Data leaves this machine. ' : 'Offline. '}</strong>
        {destination.description}
      </span>
    </div>
  );
}

type KeyAction = 'keep' | 'clear' | 'set';

export function SettingsPage() {
  const close = useUi((s) => s.closeSettings);
  const saved = useQuery('settings.llm.get', {}, { refreshOn: [] });
  const [form, setForm] = useState<LlmSettings | null>(null);
  const [keyAction, setKeyAction] = useState<KeyAction>('keep');
  const [keyValue, setKeyValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [test, setTest] = useState<ConnectionTest | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (saved.data && form === null) setForm(saved.data);
  }, [saved.data, form]);

  if (!form) return <Dialog title="Settings" onClose={close}>{saved.error ? <div className="form-error">{saved.error.message}</div> : <p className="muted">Loading…</p>}</Dialog>;

  const destination = destinationOf(form.endpoint);
  const update = (patch: Partial<LlmSettings>) => {
    setForm({ ...form, ...patch });
    setNotice(null);
    setTest(null);
  };
  const draft = (): LlmSettingsDraft => ({
    enabled: form.enabled,
    endpoint: form.endpoint.trim(),
    model: form.model.trim(),
    apiKey: keyAction === 'set' ? { action: 'set', value: keyValue } : { action: keyAction },
    allowRemote: destination.leavesMachine && form.allowRemote,
    timeoutMs: form.timeoutMs,
    maxAttempts: form.maxAttempts,
  });
  const run = async (fn: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await fn();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  const save = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const next = await invoke('settings.llm.save', draft());
      setForm(next);
      setKeyAction('keep');
      setKeyValue('');
      setNotice(next.enabled ? 'Saved. New runs use the language model after the rules.' : 'Saved. The language model is off.');
    });
  };
  const testConnection = () => void run(async () => setTest(await invoke('settings.llm.test', { draft: { ...draft(), enabled: true } })));

  return (
    <Dialog
      title="Settings"
      onClose={close}
      footer={
        <>
          <button type="button" className="btn btn-secondary" onClick={testConnection} disabled={busy || (destination.leavesMachine && !form.allowRemote)}>
            Test connection
          </button>
          <button type="submit" form="llm-settings" className="btn btn-primary" disabled={busy}>
            {busy ? 'Working…' : 'Save'}
          </button>
        </>
      }
    >
      <form id="llm-settings" className="form" onSubmit={save}>
        <h3 className="llm-title">Language-model extraction (optional)</h3>
        <p className="muted">
          After the rules, a model served by an OpenAI-compatible endpoint (llama.cpp, Ollama, vLLM on this computer) reads each document. A fact is kept only if its quote occurs in the
          document; the rules win where both read the same text.
        </p>
        <label className="check">
          <input type="checkbox" checked={form.enabled} onChange={(e) => update({ enabled: e.target.checked })} />
          <span>Use a language model in new runs</span>
        </label>
        <label className="field">
          <span>Endpoint</span>
          <input name="endpoint" value={form.endpoint} onChange={(e) => update({ endpoint: e.target.value })} placeholder="http://127.0.0.1:8080/v1" required />
        </label>
        <DestinationBanner destination={destination} />
        {destination.leavesMachine && (
          <label className="check">
            <input type="checkbox" checked={form.allowRemote} onChange={(e) => update({ allowRemote: e.target.checked })} />
            <span>I confirm that document text may be sent to {destination.host}</span>
          </label>
        )}
        <label className="field">
          <span>Model</span>
          <input name="model" value={form.model} onChange={(e) => update({ model: e.target.value })} placeholder="qwen2.5-7b-instruct" maxLength={200} list="llm-models" />
          {test && test.models.length > 0 && (
            <datalist id="llm-models">
              {test.models.map((m) => (
                <option key={m} value={m} />
              ))}
            </datalist>
          )}
        </label>
        <div className="field">
          <label htmlFor="llm-key">API key</label>
          {!form.keyStorageAvailable ? (
            <small>This system has no secure key store, and keys are never stored in plain text: use a server that needs no key.</small>
          ) : keyAction === 'set' ? (
            <input id="llm-key" type="password" autoComplete="off" value={keyValue} onChange={(e) => setKeyValue(e.target.value)} placeholder="Stored encrypted by the operating system" />
          ) : (
            <div className="field-row">
              <span className="muted llm-key-state">{keyAction === 'clear' ? 'Will be removed on save.' : form.hasApiKey ? 'A key is stored (encrypted).' : 'No key (most local servers need none).'}</span>
              <button type="button" className="btn btn-secondary" onClick={() => setKeyAction('set')}>
                {form.hasApiKey ? 'Replace' : 'Add key'}
              </button>
              {form.hasApiKey && keyAction !== 'clear' && (
                <button type="button" className="btn btn-secondary" onClick={() => setKeyAction('clear')}>
                  Remove
                </button>
              )}
            </div>
          )}
        </div>
        <div className="field-grid">
          <label className="field">
            <span>Timeout per request (seconds)</span>
            <input type="number" min={1} max={600} value={Math.round(form.timeoutMs / 1000)} onChange={(e) => update({ timeoutMs: Math.max(1, Number(e.target.value)) * 1000 })} />
          </label>
          <label className="field">
            <span>Attempts per request</span>
            <input type="number" min={1} max={10} value={form.maxAttempts} onChange={(e) => update({ maxAttempts: Number(e.target.value) })} />
          </label>
        </div>
        {test && (
          <div className={test.ok ? 'llm-test ok' : 'form-error'} role="status">
            {test.message}
            {test.latencyMs !== null && ` (${test.latencyMs} ms)`}
          </div>
        )}
        {notice && <div className="llm-test ok">{notice}</div>}
        {error && (
          <div className="form-error" role="alert">
            {error}
          </div>
        )}
      </form>
    </Dialog>
  );
}
