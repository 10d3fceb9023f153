import { useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { setAgentToken } from '../../api/agentToken.ts';
import { agentKeys } from '../../api/liveSources.ts';
import { useMessages } from '../../i18n/index.ts';
import { liveText } from './messages.ts';

/**
 * Asks for the token of an agent started with `--token` (it answered 401): kept for this tab
 * (src/api/agentToken.ts), then the agent's sources and this feed are asked again at once.
 */
export function TokenForm({ onToken }: { onToken: () => void }) {
  const t = useMessages(liveText);
  const client = useQueryClient();
  const id = useId();
  const [value, setValue] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (value.trim() === '') return;
    setAgentToken(value);
    setValue('');
    void client.invalidateQueries({ queryKey: agentKeys.sources });
    onToken();
  };
  return (
    <form className="live-token" onSubmit={submit}>
      <label htmlFor={id}>{t.tokenLabel}</label>
      <input
        id={id}
        type="password"
        autoComplete="off"
        spellCheck={false}
        data-testid="live-token"
        value={value}
        onChange={(e) => setValue(e.target.value)}
      />
      <button type="submit" className="secondary" data-testid="live-token-submit">
        {t.useToken}
      </button>
    </form>
  );
}
