/**
 * Frames pushed into the gateway by clients (a browser's webcam over {@code /ws/webcam}): the named feeds, their
 * bounded queues and limits. The HTTP layer writes into a feed; the {@code webcam:} source reads from it. Depends
 * only on the JDK and {@code ingest.jpeg}, so both sides can use it without a package cycle.
 */
package io.posegate.gateway.ingest.feeds;
