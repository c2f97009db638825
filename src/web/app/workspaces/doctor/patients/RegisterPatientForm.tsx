import { Button, DatePicker, Form, Input, Radio } from 'antd';
import dayjs, { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useHubMutation } from '../../../data/useHubMutation';
import type { PatientRowFragment } from '../../../gql/graphql';
import { nationalIdFacts, nationalIdProblem } from '../national-id';
import { RegisterPatientDocument } from './operations';

interface Values {
  name: string;
  nationalId: string;
  birthDate: Dayjs;
  sex: 'MALE' | 'FEMALE';
}

/** Registers a patient of the doctor's hospital; the ID number is checked as it is typed. */
export function RegisterPatientForm({ onRegistered }: { onRegistered(patient: PatientRowFragment): void }) {
  const { t } = useTranslation('doctor');
  const [form] = Form.useForm<Values>();
  const [register, busy] = useHubMutation(RegisterPatientDocument);
  const onFinish = async (values: Values) => {
    const outcome = await register({
      input: { name: values.name.trim(), nationalId: values.nationalId.trim().toUpperCase(), birthDate: values.birthDate.format('YYYY-MM-DD'), sex: values.sex },
    }, form);
    if (outcome.data) {
      form.resetFields();
      onRegistered(outcome.data.registerPatient);
    }
  };
  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={onFinish}
      id="register-patient"
      onValuesChange={(changed: Partial<Values>) => {
        // A well-formed number gives birth date and sex: fill them in, the doctor can still correct them.
        if (changed.nationalId && !nationalIdProblem(changed.nationalId)) {
          const facts = nationalIdFacts(changed.nationalId)!;
          form.setFieldsValue({ birthDate: dayjs(facts.birthDate), sex: facts.sex });
        }
      }}
    >
      <Form.Item name="name" label={t('patients.name')} rules={[{ required: true, whitespace: true, message: t('patients.nameRequired') }]}>
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item
        name="nationalId"
        label={t('patients.nationalId')}
        validateTrigger={['onChange', 'onBlur']}
        rules={[
          { required: true, message: t('patients.nationalIdRequired') },
          {
            validator: async (_rule, value: string | undefined) => {
              const problem = value ? nationalIdProblem(value) : null;
              if (problem) throw new Error(t(`patients.nationalIdProblem.${problem}`));
            },
          },
        ]}
      >
        <Input maxLength={18} style={{ fontFamily: 'monospace' }} autoComplete="off" />
      </Form.Item>
      <Form.Item name="birthDate" label={t('patients.birthDate')} rules={[{ required: true, message: t('patients.birthDateRequired') }]}>
        <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs())} />
      </Form.Item>
      <Form.Item name="sex" label={t('patients.sex')} rules={[{ required: true, message: t('patients.sexRequired') }]}>
        <Radio.Group options={[{ value: 'FEMALE', label: t('sex.FEMALE') }, { value: 'MALE', label: t('sex.MALE') }]} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy} data-testid="register-submit">{t('patients.register')}</Button>
    </Form>
  );
}
