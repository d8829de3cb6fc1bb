/**
 * Following a pod log as the browser does, in one place for the web's log page and the server's
 * tests of the log relay: the kubelet's `timestamps=true` lines, a capped line buffer, and
 * resuming after a break (`sinceTime`) without repeating or losing a line.
 */
export * from './log-buffer.js';
export * from './log-resume.js';
