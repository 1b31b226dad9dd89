/**
 * Abuse limits: token buckets per client IP and per account for the endpoints that attackers hammer
 * (registration, sign-in, password reset, verification resend, social sign-in).
 *
 * <p>The public API is {@link io.digitaltowns.api.ratelimit.AbuseLimits#check}, which throws {@link
 * io.digitaltowns.api.ratelimit.TooManyRequestsException} (429 with {@code Retry-After}), the
 * {@link io.digitaltowns.api.ratelimit.LimitedAction} enum, the {@link
 * io.digitaltowns.api.ratelimit.ClientAddress} helper and the {@link
 * io.digitaltowns.api.ratelimit.AbuseLimitsProperties} configuration ({@code
 * digitaltowns.abuse-limits.*}). Everything else is internal.
 *
 * <p>Buckets live in memory when {@code digitaltowns.abuse-limits.redis-url} is blank (one api
 * instance) and in Redis otherwise, so that every api instance counts against the same buckets.
 */
package io.digitaltowns.api.ratelimit;
