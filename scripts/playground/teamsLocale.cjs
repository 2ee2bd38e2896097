/**
 * Preload (`node --require`) for the Agents Playground, which stamps every
 * activity with locale "en-US". Real Teams sends the user's own locale, and
 * Polku answers in it, so activities posted to the bot endpoint
 * (POLKU_PLAYGROUND_APP_ENDPOINT) get `locale` and the clientInfo entity's
 * locale, where present, replaced by POLKU_PLAYGROUND_LOCALE. Nothing else
 * is touched.
 */
'use strict';
const http = require('node:http');

const locale = process.env.POLKU_PLAYGROUND_LOCALE;
const endpoint = process.env.POLKU_PLAYGROUND_APP_ENDPOINT;

if (locale && endpoint) {
  const target = new URL(endpoint);
  const originalRequest = http.request;

  const rewrite = (body) => {
    let activity;
    try {
      activity = JSON.parse(body);
    } catch {
      return body;
    }
    if (!activity || typeof activity !== 'object' || !activity.type) return body;
    if ('locale' in activity) activity.locale = locale;
    for (const entity of Array.isArray(activity.entities) ? activity.entities : []) {
      if (entity && entity.type === 'clientInfo') entity.locale = locale;
    }
    return JSON.stringify(activity);
  };

  http.request = function requestWithTeamsLocale(...args) {
    const req = originalRequest.apply(this, args);
    if (req.method !== 'POST' || req.getHeader('host') !== target.host || req.path !== target.pathname)
      return req;
    const chunks = [];
    const write = req.write;
    const end = req.end;
    req.write = (chunk, encoding, cb) => {
      chunks.push(
        Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, typeof encoding === 'string' ? encoding : 'utf8'),
      );
      if (typeof encoding === 'function') encoding();
      else if (typeof cb === 'function') cb();
      return true;
    };
    req.end = (chunk, encoding, cb) => {
      if (typeof chunk === 'function') {
        cb = chunk;
        chunk = undefined;
      } else if (typeof encoding === 'function') {
        cb = encoding;
        encoding = undefined;
      }
      if (chunk !== undefined && chunk !== null) req.write(chunk, encoding);
      const body = Buffer.from(rewrite(Buffer.concat(chunks).toString('utf8')), 'utf8');
      req.setHeader('content-length', body.length);
      write.call(req, body);
      return end.call(req, cb);
    };
    return req;
  };
}
