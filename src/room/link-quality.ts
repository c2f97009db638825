import type { PeerStats } from '../../media';
import type { MessageKey } from '../i18n/catalogue';
import { LinkQuality } from './types';

// Thresholds from common WebRTC practice: video degrades visibly past ~3% loss or ~250 ms
// RTT, and stops being usable past ~10% loss or ~400 ms, where audio alone still works.
export function rateLink(personId: string, stats: PeerStats): LinkQuality {
  const loss = Math.max(stats.uplinkLoss, stats.downlinkLoss);
  const rtt = stats.rttMs ?? null;
  let rating = 'GOOD';
  let advice: MessageKey = 'room.linkGood';
  if (loss > 0.1 || (rtt !== null && rtt > 400)) {
    rating = 'BAD';
    advice = stats.audioOnly ? 'room.linkBadAudio' : 'room.linkBad';
  } else if (loss > 0.03 || (rtt !== null && rtt > 250)) {
    rating = 'POOR';
    advice = stats.lowBandwidth || stats.audioOnly ? 'room.linkPoorLow' : 'room.linkPoor';
  }
  return Object.assign(new LinkQuality(), {
    personId, sendBitrate: Math.round(stats.sendBitrate), recvBitrate: Math.round(stats.recvBitrate),
    uplinkLoss: stats.uplinkLoss, downlinkLoss: stats.downlinkLoss, rttMs: rtt, lowBandwidth: stats.lowBandwidth, audioOnly: stats.audioOnly, rating, adviceKey: advice,
  });
}
