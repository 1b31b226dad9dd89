package io.digitaltowns.api.site.layout;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks page controllers a visitor reads without a form (home, town, business, sitemap): their
 * pages do not start a session for a CSRF token, so browsing stays cookie-free and cacheable. Every
 * other page gets its token up front, before the template writes (and commits) the response.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface Browsing {}
