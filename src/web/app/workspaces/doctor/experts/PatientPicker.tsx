import { Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { PatientDocument, PatientOptionsDocument } from './operations';

/** Chooses a patient of my hospital by name (typed search). */
export function PatientPicker({ value, onChange, id }: { value?: string | null; onChange?(id: string): void; id?: string }) {
  const { t } = useTranslation('doctor');
  const [search, setSearch] = useState('');
  const [{ data }] = useQuery({ query: PatientOptionsDocument, variables: { nameContains: search || null } });
  const [{ data: current }] = useQuery({ query: PatientDocument, variables: { id: value ?? '' }, pause: !value });
  const options = (data?.patients.nodes ?? []).map((p) => ({ value: p.id, label: `${p.name} · ${p.nationalIdMasked}` }));
  if (current && !options.some((o) => o.value === current.patient.id)) {
    options.unshift({ value: current.patient.id, label: `${current.patient.name} · ${current.patient.nationalIdMasked}` });
  }
  return (
    <Select
      id={id}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      value={value ?? undefined}
      onChange={onChange}
      placeholder={t('patients.pick')}
      options={options}
      style={{ width: '100%' }}
      data-testid="patient-picker"
    />
  );
}
