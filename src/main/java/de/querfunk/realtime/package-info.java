/**
 * Real-time delivery: one WebSocket per client ({@code /api/v1/stream}) that carries every event
 * of the streams a person follows, resumable by cursor from the durable event log, plus the
 * ephemeral presence and typing signals, which are never stored. Publishes no events of its own.
 */
package de.querfunk.realtime;
