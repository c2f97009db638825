import { Sfu } from '../../media';
import type { HubConfig } from '../config';
import type { Logger } from '../graphql/logger';

/**
 * The SFU workers for consultation video. Without a worker binary (or with MEDIA_ENABLED=false)
 * the hub still serves everything else, and joining a room says video is unavailable; the
 * error log names what is missing.
 */
export async function startMedia(config: HubConfig, log: Logger): Promise<Sfu | null> {
  if (!config.media.enabled) {
    log.info('media disabled (MEDIA_ENABLED=false): consultation rooms will refuse to open');
    return null;
  }
  try {
    const sfu = await Sfu.create({
      workers: { numWorkers: config.media.workers, rtcMinPort: config.media.rtcMinPort, rtcMaxPort: config.media.rtcMaxPort },
      listenIp: config.media.listenIp,
      announcedIp: config.media.announcedIp,
      emptyRoomTimeoutMs: config.media.emptyRoomTimeoutMs, heartbeatTimeoutMs: config.media.peerHeartbeatTimeoutMs,
      logger: log.child({ component: 'media' }),
    });
    log.info({ workers: config.media.workers, listenIp: config.media.listenIp, announcedIp: config.media.announcedIp }, 'media workers started');
    return sfu;
  } catch (error) {
    log.error({ err: error }, 'media workers could not start: consultation video is unavailable until this is fixed');
    return null;
  }
}
