import { GraphQLError } from 'graphql';
import pino from 'pino';
import { MediaError } from '../../media';
import { createErrorFormatter } from '../../src/server/format-error';

/**
 * What a person reads when the SFU refuses: the hub's sentence in their language (the SFU's
 * English goes to extensions.detail for developers); "briefly unavailable" stays retryable.
 */
const format = createErrorFormatter(pino({ level: 'silent' }));
const answer = (error: MediaError, language: 'zh-CN' | 'en') => {
  const wrapped = new GraphQLError(error.message, { originalError: error, path: ['joinConsultationRoom'] });
  return format({ message: error.message, path: ['joinConsultationRoom'] }, wrapped, language);
};

describe('media refusals in the reader\'s language', () => {
  it('says the video service is briefly unavailable, to reconnect, in Chinese and English, and marks it retryable', () => {
    const moving = new MediaError('UNAVAILABLE', 'room consultation-7 is moving to another media worker; reconnect');
    expect(answer(moving, 'zh-CN')).toEqual({
      message: '视频服务暂时不可用，请重新连接并再次加入会诊室', path: ['joinConsultationRoom'],
      extensions: { code: 'UNAVAILABLE', retryable: true, detail: 'room consultation-7 is moving to another media worker; reconnect' },
    });
    expect(answer(moving, 'en').message).toBe('The video service is briefly unavailable: reconnect and join the room again');
  });

  it('says a refused or vanished media object as a sentence, not the SFU\'s English', () => {
    const refused = new MediaError('BAD_USER_INPUT', "peer 3 cannot consume its own producer p1");
    expect(answer(refused, 'zh-CN')).toMatchObject({ message: '视频连接未能建立，请刷新页面后重新加入会诊室', extensions: { code: 'BAD_USER_INPUT', detail: refused.message } });
    expect(answer(refused, 'zh-CN').extensions).not.toHaveProperty('retryable');
    expect(answer(new MediaError('NOT_FOUND', 'transport t1 does not exist (closed, or never created)'), 'en'))
      .toMatchObject({ message: 'This video connection has ended (it was closed or has moved): join the room again', extensions: { code: 'NOT_FOUND' } });
  });
});
