import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useResumableSubscription } from '../../../data/useResumableSubscription';
import { useNotifications } from '../../../shell/notifications';
import { EscalationFeedDocument } from '../operations';
import { soundAlert } from './alert-sound';

/** Escalation listeners: the escalations screen redraws when one comes (a tiny in-page bus). */
const listeners = new Set<() => void>();
export const onEscalation = (listener: () => void) => {
  listeners.add(listener);
  return () => { listeners.delete(listener); };
};

/**
 * While a scheduler is signed in: a consultation past its claim deadline raises an alert that
 * is seen (a notification that stays until dismissed, and the header's bell) and heard.
 */
export function EscalationFeed() {
  const { t } = useTranslation('scheduler');
  const { notification } = App.useApp();
  const navigate = useNavigate();
  const notifications = useNotifications();
  useResumableSubscription(EscalationFeedDocument, {
    variables: {},
    cursorOf: (d) => d.consultationChanged.cursor,
    onData: (d) => {
      const c = d.consultationChanged;
      if (c.action !== 'ESCALATED') return;
      const minutes = Math.max(0, Math.round((c.overdueSeconds ?? 0) / 60));
      const values = { id: c.consultationId, urgency: t(`urgency.${c.urgency}`), count: minutes };
      void soundAlert();
      notifications.push({ id: `escalated-${c.consultationId}`, textKey: 'scheduler:escalations.notice', values, link: '/scheduler/escalations', level: 'warning' });
      notification.warning({
        key: `escalated-${c.consultationId}`,
        title: t('escalations.alertTitle'),
        description: <span data-testid="escalation-alert">{t('escalations.notice', values)}</span>,
        duration: 0,
        onClick: () => navigate('/scheduler/escalations'),
      });
      for (const l of listeners) l();
    },
  });
  return null;
}
