import { Descriptions, Typography } from 'antd';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { BookingSlipFragment } from '../../../gql/graphql';
import { departmentName, formatDate, formatDateTime } from '../format';

/** The slip a patient takes along: who, where, when, with whom. */
export function BookingSlipView({ booking }: { booking: BookingSlipFragment }) {
  const { t, i18n } = useTranslation('doctor');
  const s = booking.clinicSession;
  return (
    <div className="booking-slip-body" data-testid="booking-slip">
      <Typography.Title level={4} style={{ marginTop: 0 }}>{t('slip.title')}</Typography.Title>
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label={t('slip.patient')}>{booking.patient.name} ({booking.patient.nationalIdMasked})</Descriptions.Item>
        <Descriptions.Item label={t('slip.hospital')}>{s.host.name}</Descriptions.Item>
        <Descriptions.Item label={t('slip.specialty')}>{departmentName(s.specialty, i18n.language)}</Descriptions.Item>
        <Descriptions.Item label={t('slip.specialist')}>{s.specialist.name}{s.specialist.title ? ` · ${t(`personTitle.${s.specialist.title}`)}` : ''}</Descriptions.Item>
        <Descriptions.Item label={t('slip.date')}>{formatDate(s.date)} {t(`sessionTime.${s.session}`)}</Descriptions.Item>
        <Descriptions.Item label={t('slip.slot')}>{t('slip.slotValue', { position: booking.slot.position, time: booking.slot.startsAt })}</Descriptions.Item>
        <Descriptions.Item label={t('slip.number')}>{booking.id}</Descriptions.Item>
        <Descriptions.Item label={t('slip.bookedAt')}>{formatDateTime(booking.createdAt)}</Descriptions.Item>
      </Descriptions>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>{t('slip.note')}</Typography.Paragraph>
    </div>
  );
}

/** Prints just the slip: it is put outside the app for the print, the rest is hidden by the print CSS. */
export function printSlip(): void {
  document.body.classList.add('printing-slip');
  const done = () => {
    document.body.classList.remove('printing-slip');
    window.removeEventListener('afterprint', done);
  };
  window.addEventListener('afterprint', done);
  window.print();
}

export function PrintableSlip({ booking }: { booking: BookingSlipFragment | null }) {
  if (!booking) return null;
  return createPortal(<div className="booking-slip-print"><BookingSlipView booking={booking} /></div>, document.body);
}
