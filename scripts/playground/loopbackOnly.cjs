/**
 * Preload (`node --require`) for the Agents Playground, which listens on all
 * interfaces and has no host option: every TCP listen without a loopback host
 * is moved onto 127.0.0.1. Pipes and handles are left alone.
 */
'use strict';
const net = require('node:net');

const LOOPBACK = '127.0.0.1';
const isLoopback = (host) => host === 'localhost' || host === '::1' || /^127\./.test(String(host));
const isPort = (v) => typeof v === 'number' || (typeof v === 'string' && /^\d+$/.test(v));

const originalListen = net.Server.prototype.listen;
net.Server.prototype.listen = function listenOnLoopback(...args) {
  const [first] = args;
  if (first !== null && typeof first === 'object' && !Array.isArray(first)) {
    if (first.path === undefined && first.fd === undefined && !first._handle && !first.handle) {
      if (!isLoopback(first.host)) args[0] = { ...first, host: LOOPBACK };
    }
  } else if (isPort(first) || first === undefined || typeof first === 'function') {
    if (typeof first === 'function' || first === undefined) args.unshift(0);
    if (typeof args[1] === 'string') {
      if (!isLoopback(args[1])) args[1] = LOOPBACK;
    } else {
      args.splice(1, 0, LOOPBACK);
    }
  }
  return originalListen.apply(this, args);
};
