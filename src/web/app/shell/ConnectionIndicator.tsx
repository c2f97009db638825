import { Badge, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { useConnectionState } from '../data/HubConnectionContext';

const COLOUR = { connected: 'success', connecting: 'processing', reconnecting: 'warning', offline: 'error' } as const;

/** The live (WebSocket) connection: green when updates arrive as they happen. */
export function ConnectionIndicator() {
  const { t } = useTranslation();
  const state = useConnectionState();
  return (
    <Tooltip title={t(`connection.${state}`)}>
      <span data-testid="connection" data-state={state} role="status">
        <Badge status={COLOUR[state]} text={<span className="hide-narrow" style={{ color: "rgba(255, 255, 255, 0.88)" }}>{t(`connection.${state}`)}</span>} />
      </span>
    </Tooltip>
  );
}
