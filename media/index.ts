// NOTE: worker-binary comes first: importing it points MEDIASOUP_WORKER_BIN at the
// installed worker before anything below can load mediasoup (3.12 reads it at load).
export * from './worker-binary';
export * from './errors';
export * from './codecs';
export * from './worker-pool';
export * from './peer';
export * from './room';
export * from './sfu';
