import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Empty, List, Popover, Typography } from 'antd';
import { createContext, ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

/**
 * One notice in the header. The text is an i18n key (with its namespace) and values, not a
 * sentence, so it follows a language switch.
 */
export interface AppNotification {
  id: string;
  /** e.g. 'doctor:notifications.bookingMoved' */
  textKey: string;
  values?: Record<string, unknown>;
  /** Where clicking it leads (an app path). */
  link?: string;
  level: 'info' | 'warning';
  at: Date;
  read: boolean;
}

export interface NotificationsApi {
  items: AppNotification[];
  unread: number;
  /** Adds a notice; one with the same id replaces the earlier one (a feed may resend it). */
  push(notice: Omit<AppNotification, 'id' | 'at' | 'read' | 'level'> & { id?: string; level?: AppNotification['level'] }): void;
  markAllRead(): void;
}

const NotificationsContext = createContext<NotificationsApi | null>(null);

export function useNotifications(): NotificationsApi {
  const api = useContext(NotificationsContext);
  if (!api) throw new Error('useNotifications outside NotificationsProvider');
  return api;
}

const MAX_KEPT = 50;

export function NotificationsProvider({ children }: { children: ReactNode }) {
  const [items, setItems] = useState<AppNotification[]>([]);
  const push = useCallback<NotificationsApi['push']>((notice) => {
    const id = notice.id ?? `${Date.now()}-${Math.random().toString(36).slice(2)}`;
    setItems((previous) => [
      { ...notice, id, level: notice.level ?? 'info', at: new Date(), read: false },
      ...previous.filter((n) => n.id !== id),
    ].slice(0, MAX_KEPT));
  }, []);
  const markAllRead = useCallback(() => setItems((previous) => previous.map((n) => ({ ...n, read: true }))), []);
  const api = useMemo(() => ({ items, unread: items.filter((n) => !n.read).length, push, markAllRead }), [items, push, markAllRead]);
  return <NotificationsContext.Provider value={api}>{children}</NotificationsContext.Provider>;
}

/** The bell in the header with the unread count; the list opens below it. */
export function NotificationBell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { items, unread, markAllRead } = useNotifications();
  const [open, setOpen] = useState(false);
  const content = items.length === 0 ? (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('header.noNotifications')} />
  ) : (
    <div style={{ width: 340, maxHeight: 420, overflowY: 'auto' }} data-testid="notification-list">
      <List
        size="small"
        dataSource={items}
        renderItem={(n) => (
          <List.Item
            style={{ cursor: n.link ? 'pointer' : undefined, fontWeight: n.read ? undefined : 600 }}
            onClick={() => {
              if (n.link) navigate(n.link);
              setOpen(false);
            }}
          >
            <List.Item.Meta
              title={<Typography.Text type={n.level === 'warning' ? 'warning' : undefined}>{t(n.textKey, n.values ?? {})}</Typography.Text>}
              description={n.at.toLocaleTimeString()}
            />
          </List.Item>
        )}
      />
      <Button type="link" size="small" onClick={markAllRead}>{t('header.markAllRead')}</Button>
    </div>
  );
  return (
    <Popover content={content} title={t('header.notifications')} trigger="click" open={open} onOpenChange={setOpen} placement="bottomRight">
      <Badge count={unread} size="small" data-testid="notification-count">
        <Button type="text" icon={<BellOutlined />} aria-label={t('header.notifications')} />
      </Badge>
    </Popover>
  );
}
