// Preloaded into the Agents Playground (`node --require`): its server listens on every interface by default, and
// it relays to a bot whose authentication is off. This makes every listen without a host bind to loopback only.
'use strict';
const net = require('node:net');

const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function listenOnLoopback(...args) {
  if (typeof args[0] === 'number' || (typeof args[0] === 'string' && /^\d+$/.test(args[0]))) {
    // listen(port[, host][, backlog][, callback]): insert the host when none was given.
    if (typeof args[1] !== 'string') args.splice(1, 0, '127.0.0.1');
  } else if (
    typeof args[0] === 'object' &&
    args[0] !== null &&
    !('path' in args[0]) &&
    !('fd' in args[0]) &&
    !('handle' in args[0]) &&
    args[0].host === undefined
  ) {
    args[0] = { ...args[0], host: '127.0.0.1' };
  } else if (args.length === 0 || typeof args[0] === 'function') {
    args.unshift(0, '127.0.0.1');
  }
  return listen.apply(this, args);
};
