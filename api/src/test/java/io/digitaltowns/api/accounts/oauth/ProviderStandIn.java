package io.digitaltowns.api.accounts.oauth;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A real OpenID Connect / OAuth 2 server (navikt's mock-oauth2-server) standing in for Google and
 * Facebook: each issuer id ({@code google}, {@code facebook}) is a provider of its own under {@code
 * http://localhost:<port>/<issuer id>}, and {@link #willSignIn} decides who the next person signing
 * in there is.
 *
 * <p>It runs in a class loader of its own. The api's test classpath also holds OkHttp 3.14 and Okio
 * 1.17 (infra → s3proxy → openstack4j-okhttp), which come first and shadow the OkHttp 5 / Okio 3
 * the server is built on: loaded directly it fails with "Unsupported version of
 * com.squareup.okhttp3:mockwebserver". Its own loader sees the same classpath minus those two.
 */
public final class ProviderStandIn implements AutoCloseable {

  /**
   * OkHttp before 4 and Okio before 3: the jars that shadow the server's own (okhttp-jvm, okio-jvm)
   */
  private static final Pattern SHADOWING_JARS =
      Pattern.compile("(okhttp-[0-3]\\.|okio-[0-2]\\.).*\\.jar");

  private static final String SERVER = "no.nav.security.mock.oauth2.MockOAuth2Server";
  private static final String CALLBACK =
      "no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback";
  private static final String CALLBACK_TYPE =
      "no.nav.security.mock.oauth2.token.OAuth2TokenCallback";
  private static final String ROUTE = "no.nav.security.mock.oauth2.http.Route";

  private final URLClassLoader loader;
  private final Object server;

  public ProviderStandIn() {
    loader =
        new URLClassLoader(
            "provider-stand-in",
            classpathWithoutShadowingJars(),
            ClassLoader.getPlatformClassLoader());
    // new MockOAuth2Server() in Java: its one constructor without a config takes varargs routes
    Class<?> routes = Array.newInstance(load(ROUTE), 0).getClass();
    server =
        call(
            newInstance(SERVER, new Class<?>[] {routes}, Array.newInstance(load(ROUTE), 0)),
            "start");
  }

  public String issuerUrl(String issuerId) {
    return url("issuerUrl", issuerId);
  }

  public String authorizationEndpointUrl(String issuerId) {
    return url("authorizationEndpointUrl", issuerId);
  }

  public String tokenEndpointUrl(String issuerId) {
    return url("tokenEndpointUrl", issuerId);
  }

  public String userInfoUrl(String issuerId) {
    return url("userInfoUrl", issuerId);
  }

  /**
   * The next token request at {@code issuerId} answers for this person: {@code subject} and {@code
   * claims} go into the ID token, the access token and so the user-info answer.
   */
  public void willSignIn(String issuerId, String subject, Map<String, Object> claims) {
    Object callback =
        newInstance(
            CALLBACK,
            new Class<?>[] {
              String.class, String.class, String.class, List.class, Map.class, long.class
            },
            issuerId,
            subject,
            "JWT",
            null,
            claims,
            3600L);
    try {
      server.getClass().getMethod("enqueueCallback", load(CALLBACK_TYPE)).invoke(server, callback);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    call(server, "shutdown");
    try {
      loader.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String url(String method, String issuerId) {
    try {
      return server.getClass().getMethod(method, String.class).invoke(server, issuerId).toString();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  private Object newInstance(String className, Class<?>[] parameterTypes, Object... arguments) {
    try {
      return load(className).getConstructor(parameterTypes).newInstance(arguments);
    } catch (InvocationTargetException e) {
      throw new IllegalStateException(e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  private Class<?> load(String className) {
    try {
      return loader.loadClass(className);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Calls a method without arguments; answers the target, for chaining. */
  private static Object call(Object target, String method) {
    try {
      target.getClass().getMethod(method).invoke(target);
      return target;
    } catch (InvocationTargetException e) {
      throw new IllegalStateException(e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static URL[] classpathWithoutShadowingJars() {
    return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .map(File::new)
        .filter(entry -> !SHADOWING_JARS.matcher(entry.getName()).matches())
        .map(ProviderStandIn::toUrl)
        .toArray(URL[]::new);
  }

  private static URL toUrl(File entry) {
    try {
      return entry.toURI().toURL();
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException(entry.toString(), e);
    }
  }
}
