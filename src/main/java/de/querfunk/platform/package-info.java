/**
 * Cross-cutting concerns every feature uses, each in its own named package:
 * {@code problem} (RFC 9457 error responses), {@code persistence} (the embedded database),
 * {@code web} (API conventions such as cursor paging) and {@code events} (the transactional
 * event log and its delivery to consumers). Nothing feature-specific lives here.
 */
package de.querfunk.platform;
