import { Select } from 'antd';
import { useEffect, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { MyConsortiaDocument } from './operations';

/**
 * The consortium the scheduler is working on: one of their hospital's consortia, remembered on
 * this browser and shared by every screen of the workspace.
 */
const KEY = 'scheduler.consortium';
const listeners = new Set<() => void>();
const read = () => localStorage.getItem(KEY);
const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};
const choose = (id: string) => {
  localStorage.setItem(KEY, id);
  for (const l of listeners) l();
};

export function useConsortium(): { consortiumId: string | null; consortia: { id: string; name: string }[]; choose(id: string): void } {
  const [{ data }] = useQuery({ query: MyConsortiaDocument });
  const consortia = data?.me.hospital.consortia ?? [];
  const saved = useSyncExternalStore(subscribe, read);
  const consortiumId = consortia.find((c) => c.id === saved)?.id ?? consortia[0]?.id ?? null;
  useEffect(() => {
    if (consortiumId && consortiumId !== saved) choose(consortiumId);
  }, [consortiumId, saved]);
  return { consortiumId, consortia, choose };
}

export function ConsortiumPicker() {
  const { t } = useTranslation('scheduler');
  const { consortiumId, consortia, choose: pick } = useConsortium();
  return (
    <Select
      data-testid="consortium-picker"
      aria-label={t('consortium.label')}
      style={{ minWidth: 180 }}
      value={consortiumId ?? undefined}
      placeholder={t('consortium.none')}
      options={consortia.map((c) => ({ value: c.id, label: c.name }))}
      onChange={pick}
    />
  );
}
