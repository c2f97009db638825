import { App, Button, Form, Input, InputNumber, Modal, Select, Space, Switch, Table, Tabs, Tag } from 'antd';
import type { FormInstance } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type AnyVariables, type TypedDocumentNode, useClient, useMutation, useQuery } from 'urql';
import { describeError, errorSentence, showErrorOnField } from '../../../data/errors';
import {
  AddMemberDocument, CreateConsortiumDocument, CreateGridDocument, CreateHospitalDocument, CreatePersonDocument, DirectoryDocument, PeopleDocument, RemoveMemberDocument,
  UpdateConsortiumDocument, UpdateHospitalDocument, UpdatePersonDocument,
} from './operations';

const KINDS = ['COUNTY_MEDICAL_COMMUNITY', 'CITY_MEDICAL_GROUP', 'SPECIALTY_ALLIANCE', 'TELEMEDICINE_NETWORK'];
const TIERS = ['TERTIARY', 'SECONDARY', 'COMMUNITY', 'TOWNSHIP', 'VILLAGE'];
const ROLES = ['TOWNSHIP_DOCTOR', 'SPECIALIST', 'SCHEDULER', 'ADMIN'];
const TITLES = ['CHIEF', 'ASSOCIATE_CHIEF', 'ATTENDING', 'RESIDENT'];

type Editing = { kind: 'consortium' | 'hospital' | 'grid' | 'person'; id: string | null; values: Record<string, unknown> };

/**
 * Directory administration: consortia, hospitals and their memberships, grids, people with
 * their roles and specialties. The hub validates; its message appears beside the field it names.
 */
export default function DirectoryScreen() {
  const { t, i18n } = useTranslation('scheduler');
  const { message } = App.useApp();
  const [editing, setEditing] = useState<Editing | null>(null);
  const [search, setSearch] = useState('');
  const [{ data, error }, refetch] = useQuery({ query: DirectoryDocument });
  const [{ data: people }, refetchPeople] = useQuery({ query: PeopleDocument, variables: { nameContains: search || null } });
  const [, addMember] = useMutation(AddMemberDocument);
  const [, removeMember] = useMutation(RemoveMemberDocument);
  const consortia = data?.consortia.nodes ?? [];
  const hospitals = data?.hospitals.nodes ?? [];
  const departments = data?.departments ?? [];
  const spec = (d: { nameZh: string; nameEn: string }) => (i18n.language === 'en' ? d.nameEn : d.nameZh);
  const reload = () => { refetch({ requestPolicy: 'network-only' }); refetchPeople({ requestPolicy: 'network-only' }); };

  async function membership(hospitalId: string, before: string[], after: string[]) {
    for (const c of after.filter((x) => !before.includes(x))) {
      const r = await addMember({ input: { consortiumId: c, hospitalId } });
      if (r.error) message.error(errorSentence(t, describeError(r.error)));
    }
    for (const c of before.filter((x) => !after.includes(x))) {
      const r = await removeMember({ input: { consortiumId: c, hospitalId } });
      if (r.error) message.error(errorSentence(t, describeError(r.error)));
    }
    reload();
  }

  if (error) return <Tag color="red">{errorSentence(t, describeError(error))}</Tag>;
  return (
    <div data-testid="directory-screen">
      <Tabs items={[
        {
          key: 'consortia', label: t('directory.consortia'), children: (
            <>
              <Button type="primary" onClick={() => setEditing({ kind: 'consortium', id: null, values: { kind: KINDS[0] } })} data-testid="new-consortium">{t('directory.new')}</Button>
              <Table rowKey="id" size="small" pagination={false} dataSource={consortia} columns={[
                { title: t('directory.name'), dataIndex: 'name' },
                { title: t('directory.kind'), render: (_, c) => t(`consortiumKind.${c.kind}`) },
                { title: t('directory.region'), dataIndex: 'region' },
                { title: t('directory.lead'), render: (_, c) => c.leadHospital?.name ?? '' },
                { title: t('directory.members'), render: (_, c) => c.hospitals.length },
                { title: '', render: (_, c) => <Button size="small" onClick={() => setEditing({ kind: 'consortium', id: c.id, values: { name: c.name, kind: c.kind, region: c.region, leadHospitalId: c.leadHospital?.id } })}>{t('directory.edit')}</Button> },
              ]} />
            </>
          ),
        },
        {
          key: 'hospitals', label: t('directory.hospitals'), children: (
            <>
              <Button type="primary" onClick={() => setEditing({ kind: 'hospital', id: null, values: { tier: 'TOWNSHIP', consortiumIds: [] } })} data-testid="new-hospital">{t('directory.new')}</Button>
              <Table rowKey="id" size="small" pagination={{ pageSize: 20 }} dataSource={hospitals} columns={[
                { title: t('directory.name'), dataIndex: 'name' },
                { title: t('directory.tier'), render: (_, h) => t(`tier.${h.tier}`) },
                { title: t('directory.county'), dataIndex: 'county' },
                { title: t('directory.grid'), render: (_, h) => h.grid?.name ?? '' },
                {
                  title: t('directory.memberOf'), render: (_, h) => (
                    <Select mode="multiple" size="small" style={{ minWidth: 220 }} value={h.consortia.map((c) => c.id)} options={consortia.map((c) => ({ value: c.id, label: c.name }))}
                      onChange={(v: string[]) => void membership(h.id, h.consortia.map((c) => c.id), v)} />
                  ),
                },
                { title: '', render: (_, h) => <Button size="small" onClick={() => setEditing({ kind: 'hospital', id: h.id, values: { name: h.name, tier: h.tier, county: h.county, latitude: h.latitude, longitude: h.longitude, gridId: h.grid?.id } })}>{t('directory.edit')}</Button> },
              ]} />
            </>
          ),
        },
        {
          key: 'grids', label: t('directory.grids'), children: (
            <>
              <Button type="primary" onClick={() => setEditing({ kind: 'grid', id: null, values: {} })}>{t('directory.new')}</Button>
              <Table rowKey="id" size="small" pagination={false} dataSource={data?.grids.nodes ?? []} columns={[
                { title: t('directory.name'), dataIndex: 'name' },
                { title: t('directory.responsible'), render: (_, g) => g.responsibleConsortium.name },
              ]} />
            </>
          ),
        },
        {
          key: 'people', label: t('directory.people'), children: (
            <>
              <Space style={{ marginBottom: 8 }}>
                <Input.Search allowClear placeholder={t('directory.searchName')} onSearch={setSearch} />
                <Button type="primary" onClick={() => setEditing({ kind: 'person', id: null, values: { roles: ['TOWNSHIP_DOCTOR'], specialtyIds: [] } })} data-testid="new-person">{t('directory.new')}</Button>
              </Space>
              <Table rowKey="id" size="small" pagination={{ pageSize: 20 }} dataSource={people?.people.nodes ?? []} columns={[
                { title: t('directory.name'), dataIndex: 'name' },
                { title: t('directory.username'), dataIndex: 'username' },
                { title: t('directory.hospital'), render: (_, p) => p.hospital.name },
                { title: t('directory.roles'), render: (_, p) => p.roles.map((r) => <Tag key={r}>{t(`role.${r}`)}</Tag>) },
                { title: t('directory.specialties'), render: (_, p) => p.specialties.map(spec).join('、') },
                { title: t('directory.active'), render: (_, p) => (p.active ? t('directory.yes') : t('directory.no')) },
                { title: '', render: (_, p) => <Button size="small" onClick={() => setEditing({ kind: 'person', id: p.id, values: { name: p.name, hospitalId: p.hospital.id, roles: p.roles, title: p.title, active: p.active, specialtyIds: p.specialties.map((s) => s.id) } })}>{t('directory.edit')}</Button> },
              ]} />
            </>
          ),
        },
      ]} />
      {editing && <EditorModal editing={editing} consortia={consortia} hospitals={hospitals} grids={data?.grids.nodes ?? []} departments={departments.map((d) => ({ value: d.id, label: spec(d) }))} onClose={(saved) => { setEditing(null); if (saved) reload(); }} />}
    </div>
  );
}

interface EditorProps {
  editing: Editing;
  consortia: { id: string; name: string }[];
  hospitals: { id: string; name: string }[];
  grids: { id: string; name: string }[];
  departments: { value: string; label: string }[];
  onClose(saved: boolean): void;
}

function EditorModal({ editing, consortia, hospitals, grids, departments, onClose }: EditorProps) {
  const { t } = useTranslation('scheduler');
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const client = useMutationSet();
  const opts = (xs: { id: string; name: string }[]) => xs.map((x) => ({ value: x.id, label: x.name }));

  async function submit(values: Record<string, unknown>) {
    const input = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined && v !== ''));
    const { document } = { document: pick(editing) };
    const r = await client(document, { input: editing.id ? { id: editing.id, ...input } : input });
    if (r.error) {
      const e = describeError(r.error);
      if (!showErrorOnField(form as FormInstance, e)) message.error(errorSentence(t, e));
      return;
    }
    message.success(t('directory.saved'));
    onClose(true);
  }

  return (
    <Modal open title={t(`directory.${editing.id ? 'editTitle' : 'newTitle'}`, { what: t(`directory.kindOf.${editing.kind}`) })} onCancel={() => onClose(false)} onOk={() => form.submit()} okButtonProps={{ 'data-testid': 'directory-save' }}>
      <Form form={form} layout="vertical" initialValues={editing.values} onFinish={submit} data-testid="directory-form">
        {editing.kind === 'consortium' && (
          <>
            <Form.Item name="name" label={t('directory.name')}><Input /></Form.Item>
            <Form.Item name="kind" label={t('directory.kind')}><Select options={KINDS.map((k) => ({ value: k, label: t(`consortiumKind.${k}`) }))} /></Form.Item>
            <Form.Item name="region" label={t('directory.region')}><Input /></Form.Item>
            <Form.Item name="leadHospitalId" label={t('directory.lead')}><Select allowClear options={opts(hospitals)} /></Form.Item>
          </>
        )}
        {editing.kind === 'hospital' && (
          <>
            <Form.Item name="name" label={t('directory.name')}><Input /></Form.Item>
            <Form.Item name="tier" label={t('directory.tier')}><Select options={TIERS.map((k) => ({ value: k, label: t(`tier.${k}`) }))} /></Form.Item>
            <Form.Item name="county" label={t('directory.county')}><Input /></Form.Item>
            <Space>
              <Form.Item name="latitude" label={t('directory.latitude')}><InputNumber /></Form.Item>
              <Form.Item name="longitude" label={t('directory.longitude')}><InputNumber /></Form.Item>
            </Space>
            <Form.Item name="gridId" label={t('directory.grid')}><Select allowClear options={opts(grids)} /></Form.Item>
            {!editing.id && <Form.Item name="consortiumIds" label={t('directory.memberOf')}><Select mode="multiple" options={opts(consortia)} /></Form.Item>}
          </>
        )}
        {editing.kind === 'grid' && (
          <>
            <Form.Item name="name" label={t('directory.name')}><Input /></Form.Item>
            <Form.Item name="responsibleConsortiumId" label={t('directory.responsible')}><Select options={opts(consortia)} /></Form.Item>
          </>
        )}
        {editing.kind === 'person' && (
          <>
            <Form.Item name="name" label={t('directory.name')}><Input /></Form.Item>
            {!editing.id && <Form.Item name="username" label={t('directory.username')}><Input autoComplete="off" /></Form.Item>}
            {!editing.id && <Form.Item name="password" label={t('directory.password')}><Input.Password autoComplete="new-password" /></Form.Item>}
            <Form.Item name="hospitalId" label={t('directory.hospital')}><Select showSearch optionFilterProp="label" options={opts(hospitals)} /></Form.Item>
            <Form.Item name="roles" label={t('directory.roles')}><Select mode="multiple" options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))} /></Form.Item>
            <Form.Item name="title" label={t('directory.title')}><Select allowClear options={TITLES.map((r) => ({ value: r, label: t(`personTitle.${r}`) }))} /></Form.Item>
            <Form.Item name="specialtyIds" label={t('directory.specialties')}><Select mode="multiple" options={departments} /></Form.Item>
            {editing.id && <Form.Item name="active" label={t('directory.active')} valuePropName="checked"><Switch /></Form.Item>}
          </>
        )}
      </Form>
    </Modal>
  );
}

function pick(e: Editing): TypedDocumentNode<unknown, AnyVariables> {
  const docs = {
    consortium: [CreateConsortiumDocument, UpdateConsortiumDocument],
    hospital: [CreateHospitalDocument, UpdateHospitalDocument],
    grid: [CreateGridDocument, CreateGridDocument],
    person: [CreatePersonDocument, UpdatePersonDocument],
  } as const;
  return docs[e.kind][e.id ? 1 : 0] as unknown as TypedDocumentNode<unknown, AnyVariables>;
}

/** One mutation runner for the editor's several documents. */
function useMutationSet() {
  const client = useClient();
  return (document: TypedDocumentNode<unknown, AnyVariables>, variables: AnyVariables) => client.mutation(document, variables).toPromise();
}
